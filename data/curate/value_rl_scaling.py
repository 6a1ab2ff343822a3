"""Curate Fu et al. 2025, *Compute-Optimal Scaling for Value-Based Deep RL* (2508.14881).

Source: prestonfu+model_scaling, the aggregates their notebooks export to
`scripts/experiments/saved_fits/`:
  - `dmc_last_threshold_250522.csv` (20): BRO agents, DeepMind Control environment set;
  - `dog_humanoid_last_threshold_250522.csv` (16): BRO agents, DMC dog / humanoid set;
  - `simba_250823.csv` (32): SimbaV2 agents on HumanoidBench h1-crawl-v0 and h1-stand-v0.
Each row is one (UTD ratio, critic size) cell: the environment steps needed to first reach the
return threshold (`time` / `time_to_threshold`), its spread, and the paper's fitted predictions.

Traps:
  - The metric is a data requirement (environment steps), lower is better; it is the value,
    so the `tokens` column stays empty. N = `critic_params` (the critic's parameter count).
  - UTD (updates per environment step) is a run input, not a column of POINTS.
  - `env_name` is empty in the two BRO files: the values are pooled over an environment set,
    each environment with its own return threshold (BASE_THRESHOLDS in `scripts/constants.py`).
  - `time_loglinear`, `time_sum_powerlaw`, `time_to_threshold_sum_powerlaw` are the paper's
    fitted predictions, not measurements: left out. The spread columns are not curated either.
  - No compute column: the paper's compute combines UTD, N, batch size and data; not derived.

Run: cd /work/main && python -m data.curate.value_rl_scaling
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from data.curate._common import sources_dir, write_source_tables

NAME = "value_rl_scaling"
PAPER_ID = "fu2025"
SOURCE_ID = "prestonfu+model_scaling"
FITS_DIR = "scripts/experiments/saved_fits"
METRIC = "env_steps_to_return_threshold"
CONSTANTS = "scripts/constants.py (BASE_THRESHOLDS, THRESHOLD_FILTER)"


@dataclass(frozen=True)
class Release:
    """One exported aggregate file: its columns and the environment set it covers."""

    file: str
    agent: str
    environments: str
    thresholds: str
    time_column: str


RELEASES = (
    Release(
        file="dmc_last_threshold_250522.csv",
        agent="BRO",
        environments="DeepMind Control environment set (pooled; env_name empty in the file)",
        thresholds="each environment's own return threshold (BASE_THRESHOLDS in scripts/constants.py, which lists "
        "e.g. cheetah-run 450, walker-run 350, finger-turn 400, hopper-hop 150; which environments the export "
        "pools, and how, is not stated in the file, which is named 'last_threshold'). THRESHOLD_FILTER drops "
        "the 'xs' critic size for this set.",
        time_column="time",
    ),
    Release(
        file="dog_humanoid_last_threshold_250522.csv",
        agent="BRO",
        environments="DeepMind Control dog / humanoid environment set (pooled; env_name empty in the file)",
        thresholds="each environment's own return threshold (BASE_THRESHOLDS in scripts/constants.py: dog-run "
        "100, dog-stand 100, dog-trot 100, dog-walk 200, humanoid-run 75, humanoid-walk 200, humanoid-stand "
        "300; which of them the export pools, and how, is not stated in the file, which is named "
        "'last_threshold'). THRESHOLD_FILTER drops the 'xs' critic size and UTD 1 for this set.",
        time_column="time",
    ),
    Release(
        file="simba_250823.csv",
        agent="SimbaV2",
        environments="HumanoidBench, one environment per family",
        thresholds="BASE_THRESHOLDS in scripts/constants.py: h1-crawl-v0 450, h1-stand-v0 200",
        time_column="time_to_threshold",
    ),
)
THRESHOLD = {"h1-crawl-v0": 450, "h1-stand-v0": 200}  # scripts/constants.py BASE_THRESHOLDS

PAPER_ROWS = [
    {
        "paper_id": PAPER_ID,
        "title": "Compute-Optimal Scaling for Value-Based Deep RL",
        "authors": "Preston Fu, Oleh Rybkin, Zhiyuan Zhou, Michal Nauman, Pieter Abbeel, Sergey Levine, Aviral Kumar",
        "year": 2025,
        "arxiv_id": "2508.14881",
        "venue": "arXiv preprint",
        "url": "https://arxiv.org/abs/2508.14881",
        "covers": "Value-based deep RL (BRO and SimbaV2 agents on DeepMind Control and HumanoidBench): the "
        "environment steps needed to reach a return threshold per updates-to-data ratio and critic size, "
        "from the aggregates the release's notebooks export.",
    }
]


def family_id(release: Release, env: str | None) -> str:
    if env is None:
        return "fu2025_bro_" + release.file.split("_last_threshold")[0]
    return f"fu2025_simbav2_{env}"


def read_release(release: Release) -> pd.DataFrame:
    raw = pd.read_csv(sources_dir() / SOURCE_ID / FITS_DIR / release.file)
    raw["line"] = raw.index + 2  # line 1 is the header
    env = [name if isinstance(name, str) else None for name in raw["env_name"]]
    raw["family_id"] = [family_id(release, e) for e in env]
    raw["run_id"] = [f"utd{u:g}-N{n}" for u, n in zip(raw["utd"], raw["critic_params"])]
    raw["locator"] = [
        f"line {line} (utd={u:g}, critic_params={n}" + (f", env_name={e})" if e else ")")
        for line, u, n, e in zip(raw["line"], raw["utd"], raw["critic_params"], env)
    ]
    return raw


def build_points(release: Release, raw: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "family_id": raw["family_id"],
            "run_id": raw["run_id"],
            "params": raw["critic_params"],
            "metric": METRIC,
            "value": raw[release.time_column],
            "paper_id": PAPER_ID,
            "source_id": SOURCE_ID,
            "source_file": f"{FITS_DIR}/{release.file}",
            "source_locator": raw["locator"] + f", column {release.time_column}",
            "extraction": "released_data",
        }
    )


def build_run_inputs(release: Release, raw: pd.DataFrame) -> pd.DataFrame:
    source_file = f"{FITS_DIR}/{release.file}"
    inputs = [
        ("utd", "utd", "updates per environment step", "updates-to-data ratio: gradient updates per environment step"),
    ]
    if "critic_width" in raw:
        inputs.append(("critic_width", "critic_width", "units", "hidden width of the critic network"))
    frames = [
        pd.DataFrame(
            {
                "family_id": raw["family_id"],
                "run_id": raw["run_id"],
                "input": name,
                "value": raw[column],
                "unit": unit,
                "description": description,
                "source_file": source_file,
                "source_locator": raw["locator"] + f", column {column}",
            }
        )
        for name, column, unit, description in inputs
    ]
    if "env_name" in raw and raw["env_name"].notna().all():
        frames.append(
            pd.DataFrame(
                {
                    "family_id": raw["family_id"],
                    "run_id": raw["run_id"],
                    "input": "return_threshold",
                    "value": raw["env_name"].map(THRESHOLD),
                    "unit": "episode return",
                    "description": "the return the agent must first reach (BASE_THRESHOLDS of the environment)",
                    "source_file": "scripts/constants.py",
                    "source_locator": [f"BASE_THRESHOLDS['{env}']" for env in raw["env_name"]],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def family_row(release: Release, family: str, env: str | None) -> dict:
    scope = f"HumanoidBench {env}" if env else release.environments
    return {
        "family_id": family,
        "name": f"Value-based RL, {release.agent}: {env or release.environments.split(' (')[0]} (Fu 2025)",
        "paper_id": PAPER_ID,
        "source_id": SOURCE_ID,
        "domain": "reinforcement_learning",
        "architecture": f"{release.agent} agent (value-based actor-critic; N = critic parameters)",
        "training_data": scope,
        "param_convention": "unknown",
        "flops_convention": "No compute in the release (the paper's compute combines UTD, critic size, batch "
        "size and data): flops left empty.",
        "data_unit": "environment_steps",
        "description": f"Fu et al. 2025, {release.agent} agents on {scope}: for each (UTD ratio, critic size) "
        "cell the number of environment steps needed to first reach the return threshold (metric "
        f"{METRIC}, lower is better), as exported by the release's notebooks to {release.file}. "
        f"Thresholds: {release.thresholds}. params = the critic's parameter count (the paper's N; whether "
        "it counts anything beyond the critic is not stated in the file). UTD (and the critic width, where "
        "given) are run inputs; run_id = utd<UTD>-N<critic params>. The data requirement is the value, so "
        "the tokens column is empty. The file's fitted-prediction columns (log-linear and sum-of-power-law "
        "fits) are the paper's fits, not measurements, and are left out, as is the spread column.",
    }


def build_families(curated: list[tuple[Release, pd.DataFrame]]) -> pd.DataFrame:
    rows = []
    for release, raw in curated:
        for family, group in raw.groupby("family_id"):
            env = group["env_name"].iloc[0] if group["env_name"].notna().all() else None  # pooled files
            rows.append(family_row(release, family, env))
    return pd.DataFrame(rows)


def build_metrics() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "metric": METRIC,
                "name": "Environment steps to reach the return threshold",
                "kind": "other",
                "higher_is_better": False,
                "min_value": 0,
                "max_value": 1e8,
                "unit": "environment steps",
                "description": "Environment steps (samples collected) an RL agent needs to first reach the "
                "environment's return threshold, aggregated over seeds (and, for pooled families, over the "
                "environment set) as the source's notebooks export it; runs are capped at 1e6-2e6 steps. "
                "A data-efficiency measure: lower is better.",
            }
        ]
    )


def main() -> None:
    curated = [(release, read_release(release)) for release in RELEASES]
    points = pd.concat([build_points(release, raw) for release, raw in curated], ignore_index=True)
    run_inputs = pd.concat([build_run_inputs(release, raw) for release, raw in curated], ignore_index=True)
    write_source_tables(NAME, build_families(curated), points, build_metrics(), run_inputs, PAPER_ROWS)


if __name__ == "__main__":
    main()
