"""BibTeX entries for the curated papers, ready to paste into a .bib file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

# Characters LaTeX reads as commands; each written so it prints as itself.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Combining accents -> LaTeX accent commands, so "Pióro" is "Pi{\'o}ro" and the entry
# compiles with classic BibTeX too, whatever the document's input encoding.
LATEX_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0308": '"',
    "\u0304": "=", "\u0307": ".", "\u030b": "H", "\u030c": "v", "\u0306": "u", "\u0327": "c", "\u0328": "k",
}
ET_AL = "et al."
# Venues whose papers are cited as @inproceedings (booktitle); any other venue is a journal.
CONFERENCES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "COLM", "ACL", "EMNLP", "NAACL", "AAAI")


def latex_escape(text: str) -> str:
    out = []
    for char in text:
        if char in LATEX_SPECIALS:
            out.append(LATEX_SPECIALS[char])
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        if len(marks) == 1 and marks[0] in LATEX_ACCENTS and base.isascii():
            command = LATEX_ACCENTS[marks[0]]
            # {\v{c}} for letter commands, {\'o} for symbol ones
            out.append(f"{{\\{command}{{{base}}}}}" if command.isalpha() else f"{{\\{command}{base}}}")
        else:
            out.append(char)
    return "".join(out)


def bibtex_authors(authors: str) -> str:
    """'A. One, B. Two, et al.' -> 'A. One and B. Two and others' (BibTeX's way to say et al.)."""
    names = [name.strip() for name in authors.split(",") if name.strip()]
    names = ["others" if name == ET_AL else latex_escape(name) for name in names]
    return " and ".join(names)


def _is_arxiv_venue(venue: str) -> bool:
    return not venue or venue.lower().startswith("arxiv")


def _present(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _entry_type_and_venue(venue: str, arxiv_id: str | None) -> tuple[str, tuple[str, str]]:
    if _is_arxiv_venue(venue):
        return "article", ("journal", f"arXiv preprint arXiv:{arxiv_id}" if arxiv_id else "arXiv preprint")
    if venue.split()[0] in CONFERENCES:
        return "inproceedings", ("booktitle", latex_escape(venue))
    return "article", ("journal", latex_escape(venue))


def bibtex(paper: Mapping) -> str:
    """One entry keyed by paper_id: @inproceedings for a conference paper, else @article; with
    arXiv eprint fields when the paper has an arXiv id. `paper` is a row of the papers table
    (a dict or a pandas row)."""
    arxiv_id = paper.get("arxiv_id") if _present(paper.get("arxiv_id")) else None
    venue = paper.get("venue") if _present(paper.get("venue")) else ""
    entry_type, published_in = _entry_type_and_venue(venue, arxiv_id)
    # Double braces keep the title's capitals (BibTeX styles lowercase titles otherwise).
    fields = [
        ("title", f"{{{latex_escape(paper['title'])}}}"),
        ("author", bibtex_authors(paper["authors"])),
        published_in,
        ("year", str(int(float(paper["year"])))),
    ]
    if arxiv_id:
        fields += [("eprint", arxiv_id), ("archivePrefix", "arXiv")]
    if _present(paper.get("url")):
        fields.append(("url", paper["url"]))  # verbatim: URLs are not LaTeX text
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{paper['paper_id']},\n{body}\n}}\n"


def bibtex_all(papers: Iterable[Mapping]) -> str:
    return "\n".join(bibtex(paper) for paper in papers)
