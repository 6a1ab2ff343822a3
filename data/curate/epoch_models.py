"""Curate the Epoch AI "AI models" database snapshot into the MODELS table (data/models/epoch_models.csv).

Source: epoch-research/training-cost-trends, `data/All ML Systems - full view.csv`: the snapshot of
Epoch AI's database published with Cottier et al. 2024, *The rising costs of training frontier AI
models* (2405.21015); last publication date in it 2025-06-10. One row per model: domain, task,
organization, date, parameters, training compute (FLOP), training dataset size, epochs, Epoch's
confidence, accessibility, and a free-text notes column beside each estimate. Epoch publishes the
database under CC-BY (the repository itself states no license).

Traps:
- `Training dataset size (datapoints)` counts *datapoints*: tokens for most recent language models,
  but words for older ones, images for vision, and so on. The unit is set to "tokens" only where
  the row's dataset notes mention tokens and never words (a note mentioning both often converts
  tokens to words, e.g. "6.75T words using 1 token = 0.75 words"); every other row keeps
  "datapoints". A chart must not read the column as tokens across domains.
- Domain is a comma-separated list ("Multimodal,Language,Vision"): the first listed one is mapped to
  the schema's DOMAINS with DOMAIN_MAP (an unknown Epoch domain is an error, never a guess), and
  the full list is kept in `domains_listed`. A few rows have no domain: they get "other" with an
  empty `domains_listed`.
- `Link` sometimes holds several URLs: the first is kept as `url`.
- Model names can carry stray whitespace (a trailing newline): it is stripped. One name appears
  twice (P-LLama3, two rows): both are kept, the second with model_id suffix "-2".
- Which values are Epoch's own estimates: compute follows Epoch's `Training compute estimation
  method` ("Reported" = the developer's number, anything else = Epoch's estimate). Parameters and
  dataset size have no such column; they are flagged "estimated" when Epoch's note beside them
  shows an estimate (words like "estimate", "assume", "approximately", or "~"). Values Epoch leaves
  empty stay empty.

Run: cd /work/main && python -m data.curate.epoch_models
"""

from __future__ import annotations

import re

import pandas as pd

from data.curate._common import sources_dir, write_staged_papers, write_table
from lib.schema import MODELS

NAME = "epoch_models"
SOURCE_ID = "epoch-research+training-cost-trends"
SOURCE_FILE = "data/All ML Systems - full view.csv"
PAPER_ID = "cottier2024"

# Epoch's domain names -> schema DOMAINS. Kept explicit so a new Epoch domain fails loudly.
DOMAIN_MAP = {
    "Language": "language",
    "Vision": "vision",
    "Multimodal": "multimodal",
    "Speech": "speech",
    "Audio": "audio",
    "Biology": "biology",
    "Games": "games",
    "Robotics": "robotics",
    "Image generation": "image_generation",
    "Video": "video",
    "Recommendation": "recommendation",
    "Mathematics": "mathematics",
    "Materials science": "science",
    "Earth science": "science",
    # No schema domain fits these; the Epoch name stays visible in domains_listed.
    "Medicine": "other",
    "3D modeling": "other",
    "Driving": "other",
    "Search": "other",
    "Other": "other",
}
ESTIMATE_WORDS = re.compile(r"estimat|assum|approx|roughly|~|≈", re.IGNORECASE)
REPORTED_COMPUTE = "Reported"

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "The rising costs of training frontier AI models",
        "authors": "Ben Cottier, Robi Rahman, Loredana Fattorini, Nestor Maslej, David Owen",
        "year": 2024,
        "arxiv_id": "2405.21015",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2405.21015",
        "covers": "Published with a snapshot of Epoch AI's database of notable AI models (1,892 models, "
        "last publication 2025-06-10): parameters, training compute, dataset size, domain, "
        "organization, date and Epoch's confidence; the MODELS table (data/models/epoch_models.csv).",
    }
]


def read_snapshot() -> pd.DataFrame:
    """The snapshot in file order; `record` is the 1-based CSV record after the header (cells
    hold line breaks, so file lines would not locate a row)."""
    raw = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    raw["record"] = range(1, len(raw) + 1)
    raw["Model"] = raw["Model"].str.strip()
    return raw[raw["Model"].notna() & (raw["Model"] != "")].reset_index(drop=True)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def unique_ids(names: pd.Series) -> pd.Series:
    """Slugs of the names, the n-th repeat of a slug suffixed '-n' (in file order)."""
    slugs = names.map(slug)
    occurrence = slugs.groupby(slugs).cumcount() + 1
    return slugs.where(occurrence == 1, slugs + "-" + occurrence.astype(str))


def first_domain(listed: str | float) -> str:
    """The schema domain of Epoch's first listed domain; "other" where Epoch lists none (the
    empty `domains_listed` shows it)."""
    if not isinstance(listed, str):
        return "other"
    first = listed.split(",")[0].strip()
    if first not in DOMAIN_MAP:
        raise ValueError(f"Epoch domain {first!r} has no mapping in DOMAIN_MAP")
    return DOMAIN_MAP[first]


def dataset_unit(size: float, notes: str | float) -> str | None:
    if pd.isna(size):
        return None
    text = notes if isinstance(notes, str) else ""
    says_tokens = re.search(r"token", text, re.IGNORECASE) is not None
    says_words = re.search(r"\bwords?\b", text, re.IGNORECASE) is not None
    return "tokens" if says_tokens and not says_words else "datapoints"


def first_url(link: str | float) -> str | None:
    if not isinstance(link, str):
        return None
    return re.split(r"[\s,]+", link.strip())[0] or None


def estimate_notes(row: pd.Series) -> str:
    """Which of params / compute / data are Epoch's estimates, as far as the row says."""
    parts = []
    method = row["Training compute estimation method"]
    if pd.notna(row["Training compute (FLOP)"]):
        if not isinstance(method, str):
            parts.append("compute: estimation method not stated")
        elif method == REPORTED_COMPUTE:
            parts.append("compute: reported by the developer")
        else:
            parts.append(f"compute: Epoch estimate ({method.replace(',', ', ')})")
    for label, value, note in (
        ("params", row["Parameters"], row["Parameters notes"]),
        ("dataset size", row["Training dataset size (datapoints)"], row["Dataset size notes"]),
    ):
        if pd.notna(value) and isinstance(note, str) and ESTIMATE_WORDS.search(note):
            parts.append(f"{label}: estimated (Epoch's note)")
    return "; ".join(parts)


def build_models(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "model_id": unique_ids(raw["Model"]),
            "name": raw["Model"],
            "domain": raw["Domain"].map(first_domain),
            "domains_listed": raw["Domain"],
            "task": raw["Task"],
            "organization": raw["Organization"],
            "publication_date": raw["Publication date"],
            "params": raw["Parameters"],
            "flops": raw["Training compute (FLOP)"],
            "dataset_size": raw["Training dataset size (datapoints)"],
            "dataset_unit": [
                dataset_unit(size, notes)
                for size, notes in zip(raw["Training dataset size (datapoints)"], raw["Dataset size notes"])
            ],
            "epochs": raw["Epochs"],
            "confidence": raw["Confidence"],
            "accessibility": raw["Model accessibility"],
            "reference": raw["Reference"].str.strip(),
            "url": raw["Link"].map(first_url),
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": [f"record {record}: {name}" for record, name in zip(raw["record"], raw["Model"])],
            "extraction": "released_data",
            "notes": raw.apply(estimate_notes, axis=1).replace("", None),
        }
    )


def main() -> None:
    models = build_models(read_snapshot())
    print(f"wrote {write_table(models, MODELS, NAME)} ({len(models)} models)")
    print(f"staged {write_staged_papers(PAPER_ROWS, NAME)}")


if __name__ == "__main__":
    main()
