"""Curate Tao et al. 2024 (Scaling Laws with Vocabulary, 2407.13623): the release's `exp_data.csv`.

Source: sail-sg+scaling-with-vocab/exp_data.csv, 1,200 rows = 6 non-vocabulary sizes N_nv x 10
vocabulary sizes V (4K-96K) x 20 equally spaced points H_k = k x H_1 of training characters (the
"training curve envelope" of the release README). Columns: vocab_size V, embed_dim d,
num_characters H, Non_vocab_parameters N_nv, FLOPs, Lossu.

Traps:
- Data are counted in training **characters**, not tokens: how many tokens a character makes
  depends on V (the paper fits a tokenization function for it). No chars-to-tokens ratio is
  applied here; the family's data_unit is `characters` and `tokens` holds H.
- `Lossu` is the unigram-normalised loss (negative; lower is better), not a cross-entropy.
- `FLOPs` are as released: they are not 6 x N x H (they count tokens, which the release derives
  from H through its tokenization function), so flops_method = reported.
- The paper's N splits into N_nv (non-vocabulary) and N_v = V x d (vocabulary parameters); the
  release's Approach 3 counts the total as N_nv + V d (its C / (6 (N_nv + V d)) data term).
  params = N_nv + V d, params_non_embedding = N_nv; the paper's N is N_nv.

Writes families/, points/, metrics/ and run_inputs/ vocab_tao.csv (embed_dim per run).
Run: cd /work/main && python -m data.curate.vocab_tao
"""

from __future__ import annotations

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "vocab_tao"
PAPER_ID = "tao2024"
SOURCE_ID = "sail-sg+scaling-with-vocab"
SOURCE_FILE = "exp_data.csv"
METRIC = "loss_unigram_normalized_slimpajama"


def read_release() -> pd.DataFrame:
    frame = pd.read_csv(sources_dir() / SOURCE_ID / SOURCE_FILE)
    frame["line"] = frame.index + 2  # line 1 is the header
    run_keys = ["Non_vocab_parameters", "vocab_size"]
    first_h = frame.groupby(run_keys)["num_characters"].transform("min")
    checkpoint = (frame["num_characters"] / first_h).round()
    if ((frame["num_characters"] / first_h - checkpoint).abs() > 1e-6).any():
        raise ValueError("training characters are not whole multiples of a run's first point")
    frame["checkpoint"] = checkpoint.astype(int)
    return frame


def size_label(n_nv: float) -> str:
    return f"{n_nv / 1e6:.0f}M"


def family_id(n_nv: float) -> str:
    return f"tao2024_vocab_nnv{size_label(n_nv).lower()}"


def run_id(row: pd.Series) -> str:
    return f"nnv{size_label(row.Non_vocab_parameters)}-V{int(row.vocab_size)}-h{int(row.checkpoint):02d}"


def curate_points(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": raw["Non_vocab_parameters"].map(family_id),
            "run_id": raw.apply(run_id, axis=1),
            "params": raw["Non_vocab_parameters"] + raw["vocab_size"] * raw["embed_dim"],
            "params_non_embedding": raw["Non_vocab_parameters"],
            "tokens": raw["num_characters"],
            "flops": raw["FLOPs"],
            "flops_method": "reported",
            "vocab_size": raw["vocab_size"].astype(int),
            "metric": METRIC,
            "value": raw["Lossu"],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": SOURCE_FILE,
            "source_locator": [
                f"line {line} (vocab_size={v:.0f}, Non_vocab_parameters={n:.0f}, num_characters={h!r})"
                for line, v, n, h in zip(raw.line, raw.vocab_size, raw.Non_vocab_parameters, raw.num_characters)
            ],
            "extraction": "released_data",
        }
    )


def curate_run_inputs(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": raw["Non_vocab_parameters"].map(family_id),
            "run_id": raw.apply(run_id, axis=1),
            "input": "embed_dim",
            "value": raw["embed_dim"].astype(int),
            "unit": "dimensions",
            "description": "embedding (model) width d; vocabulary parameters N_v = V x d",
            "source_file": SOURCE_FILE,
            "source_locator": [f"line {line} (embed_dim)" for line in raw.line],
        }
    )


def family_row(n_nv: float, group: pd.DataFrame) -> dict:
    d = int(group["embed_dim"].iloc[0])
    h_low, h_high = group["num_characters"].min(), group["num_characters"].max()
    return {
        "family_id": family_id(n_nv),
        "name": f"Tao vocabulary sweep: N_nv = {size_label(n_nv)}, V = 4K-96K",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "language",
        "architecture": f"decoder-only Transformer (Llama-style), non-vocabulary parameters {n_nv:.0f}, width d = {d}",
        "training_data": "SlimPajama",
        "param_convention": "non_embedding",
        "flops_convention": "FLOPs as released in exp_data.csv (the paper counts them from tokens, which depend on V "
        "through its fitted tokenization function; they are not 6 x N x characters).",
        "data_unit": "characters",
        "description": (
            f"{group.vocab_size.nunique()} vocabulary sizes V ({int(group.vocab_size.min())}-{int(group.vocab_size.max())}) "
            f"at fixed non-vocabulary parameters N_nv = {n_nv:.0f}, each with {group.checkpoint.nunique()} equally "
            f"spaced points H_k = k x H_1 of training characters ({h_low:.3g}-{h_high:.3g} characters), apparently "
            "checkpoints of one run per V (the release calls them the training-curve envelope): run_id "
            "nnv<size>-V<V>-h<k> names the k-th point, step is left empty because the optimizer step is not released. "
            "tokens holds training characters H (data_unit characters); token counts are not given and no "
            "chars-to-tokens ratio is invented. params = N_nv + V x d (the paper's vocabulary parameters N_v = V d "
            "added, as the release's Approach-3 fit counts the total), params_non_embedding = N_nv (the paper's N); "
            "embed_dim d is a run input. Value = unigram-normalised validation loss Lossu (negative). "
            "The paper's fitted laws (Approaches 1-3) are not points."
        ),
    }


def curate_families(raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([family_row(n_nv, group) for n_nv, group in raw.groupby("Non_vocab_parameters")])


def curate_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "Unigram-normalised loss L_u (SlimPajama validation)",
                "kind": "loss",
                "higher_is_better": False,
                "min_value": -20,
                "max_value": 10,
                "unit": "nats/token (unigram-normalised)",
                "description": "Tao et al. 2024 unigram-normalised language-modelling loss L_u = -(1/T) sum_i "
                "ln[p(w_i | w_<i) / p(w_i)], where p(w_i) is the frequency of token w_i in the corpus tokenized "
                "with the run's own vocabulary and T the number of tokens (the paper's unigram-normalised loss, "
                "implemented as validate_pplu in the release's experiments/README.md): the cross-entropy "
                "minus the unigram log-probability of each token, so it is negative, lower is better, and it is "
                "comparable across vocabulary sizes. Evaluated on held-out SlimPajama. Column Lossu of exp_data.csv.",
            }
        ]
    )


def main() -> None:
    raw = read_release()
    write_source_tables(NAME, curate_families(raw), curate_points(raw), curate_metrics(), curate_run_inputs(raw))


if __name__ == "__main__":
    main()
