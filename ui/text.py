"""Text a stranger wrote (a link's values, an upload's names), echoed in a warning, error or
caption as plain text: Streamlit renders those as Markdown, so `[Session expired](https://...)`
would be a link and `![x](https://...)` an image the browser fetches."""

from __future__ import annotations

import re

# Long enough for any real family, law or target; a 100 KB value echoed whole slowed a page to 15-35 s.
MAX_ECHO_CHARS = 80
MAX_ECHO_VALUES = 8
# Every character Markdown, HTML tags, GitHub's autolinks (https:, www.), LaTeX ($) and Streamlit's
# :colour[...] and :material/...: directives give a meaning to.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:='\";])")


def plain(text: object, limit: int = MAX_ECHO_CHARS) -> str:
    """`text` cut to `limit` characters (marked "…") with every markup character escaped, so it
    reads exactly as typed."""
    text = str(text)
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return _MARKUP.sub(r"\\\1", " ".join(cut.split()))


def plain_list(values: list[str], limit: int = MAX_ECHO_CHARS) -> str:
    """Values as "a, b, c and 3 more": at most MAX_ECHO_VALUES, each plain and cut to `limit`."""
    shown = ", ".join(plain(value, limit) for value in values[:MAX_ECHO_VALUES])
    return shown + (f" and {len(values) - MAX_ECHO_VALUES} more" if len(values) > MAX_ECHO_VALUES else "")
