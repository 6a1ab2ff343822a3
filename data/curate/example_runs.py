"""Write lib/ingest/example_runs.csv: 20 real Chinchilla runs, spelled the messy ways people write numbers.

Nothing is invented. The rows are every 12th run (the first 20) of family chinchilla_epoch in
data/points/epoch_chinchilla.csv: Hoffmann et al. (2022), Figure 4, as digitized by Epoch AI
(Besiroglu et al. 2024), with D = C / (6N) as they recover it. Each value is rounded to 3 or 4
significant figures and written in one of the formats the upload page accepts ("6.8B",
"2,979,521,172", "2.639e+09", "1.2 billion", "245_105_958", ...), so the example shows those
formats and still reads back within 0.5% of the curated value.

Run: cd /work/main && python -m data.curate.example_runs
"""

from __future__ import annotations

import pandas as pd

from lib.schema import DATA_DIR, PROJECT_ROOT

FAMILY_ID = "chinchilla_epoch"
POINTS_FILE = DATA_DIR / "points" / "epoch_chinchilla.csv"
EXAMPLE_FILE = PROJECT_ROOT / "lib" / "ingest" / "example_runs.csv"
EVERY_NTH_RUN = 12
RUNS = 20

# Per column, the spellings used in turn (row i uses format i % len(formats)).
PARAM_FORMATS = (
    lambda x: f"{x / 1e9:.3g}B",
    lambda x: f"{round(x):,}",
    lambda x: f"{x:.3e}",
    lambda x: f"{x / 1e6:.1f}M",
    lambda x: f"{x / 1e9:.3g} billion",
)
TOKEN_FORMATS = (
    lambda x: f"{round(x):,}",
    lambda x: f"{x / 1e9:.3g}B",
    lambda x: f"{x:.3g}",
    lambda x: f"{x / 1e6:.1f} M",
    lambda x: f"{round(x):_}",
    lambda x: f"{x / 1e9:.3g} billion",
)
FLOPS_FORMATS = (
    lambda x: f"{x:.3e}",
    lambda x: f"{x:.3E}",
    lambda x: f"{x:.3g}",
)


def selected_runs() -> pd.DataFrame:
    points = pd.read_csv(POINTS_FILE)
    runs = points[(points["family_id"] == FAMILY_ID) & (points["metric"] == "train_loss")]
    return runs.sort_values("run_id").iloc[::EVERY_NTH_RUN].head(RUNS).reset_index(drop=True)


def spell(values: pd.Series, formats: tuple) -> list[str]:
    return [formats[i % len(formats)](value) for i, value in enumerate(values)]


def build_example() -> str:
    """The example file's text: a header, then one line per selected run."""
    runs = selected_runs()
    table = pd.DataFrame(
        {
            "Model": runs["run_id"],
            "Params": spell(runs["params"], PARAM_FORMATS),
            "Train Tokens": spell(runs["tokens"], TOKEN_FORMATS),
            "FLOPs": spell(runs["flops"], FLOPS_FORMATS),
            "train_loss": [f"{value:.4f}" for value in runs["value"]],
        }
    )
    return table.to_csv(index=False, lineterminator="\n")


def main() -> None:
    EXAMPLE_FILE.write_text(build_example(), encoding="utf-8")
    print(f"wrote {EXAMPLE_FILE.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
