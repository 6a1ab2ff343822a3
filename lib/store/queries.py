"""The questions pages ask of the store, each one parametrized SQL over the read-only database."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from lib.schema import DATA_DIR
from lib.store.build import open_store

SUMMARY_SQL = """
SELECT
    (SELECT count(*) FROM papers) AS papers,
    (SELECT count(*) FROM families) AS families,
    (SELECT count(*) FROM points) AS points,
    (SELECT count(*) FROM metrics) AS metrics,
    (SELECT count(*) FROM laws) AS published_laws,
    (SELECT count(DISTINCT paper_id) FROM points) AS papers_with_points,
    (SELECT count(DISTINCT paper_id) FROM laws) AS papers_with_laws,
    (SELECT count(DISTINCT source_id) FROM points) AS sources_with_points,
    (SELECT count(DISTINCT f.domain) FROM families f
      WHERE EXISTS (SELECT 1 FROM points p WHERE p.family_id = f.family_id)) AS domains_with_points,
    (SELECT count(*) FROM models) AS models,
    (SELECT count(*) FROM reading_list r
      WHERE r.arxiv_id IN (SELECT pa.arxiv_id FROM papers pa
                           WHERE pa.paper_id IN (SELECT paper_id FROM points UNION SELECT paper_id FROM laws)))
      AS reading_list_papers,
    (SELECT count(*) FROM reading_list) AS reading_list_size
"""

POINTS_BY_DOMAIN_SQL = """
SELECT f.domain, count(*) AS n FROM points p JOIN families f USING (family_id) GROUP BY 1 ORDER BY 1
"""

PAPERS_SQL = """
SELECT pa.paper_id, pa.title, pa.authors, pa.year, pa.arxiv_id, pa.venue, pa.url, pa.covers,
       (SELECT count(*) FROM families f WHERE f.paper_id = pa.paper_id) AS families,
       (SELECT count(*) FROM points p WHERE p.paper_id = pa.paper_id) AS points,
       (SELECT count(*) FROM laws l WHERE l.paper_id = pa.paper_id) AS published_laws
FROM papers pa
ORDER BY pa.year, pa.paper_id
"""

FAMILIES_SQL = """
SELECT f.family_id, f.name, f.domain, f.paper_id, pa.title AS paper_title, pa.year,
       f.architecture, f.training_data, f.param_convention, f.flops_convention, f.data_unit,
       f.description,
       coalesce(c.points, 0) AS points,
       coalesce(c.runs, 0) AS runs,
       coalesce(c.metrics, 0) AS metrics
FROM families f
JOIN papers pa USING (paper_id)
LEFT JOIN family_counts c USING (family_id)
WHERE (? IS NULL OR f.domain = ?) AND (? IS NULL OR f.paper_id = ?)
ORDER BY pa.year, f.name
"""

FAMILY_METRICS_SQL = """
SELECT m.metric, m.name, m.kind, m.higher_is_better, m.chance, m.unit, count(*) AS points
FROM points p JOIN metrics m USING (metric)
WHERE list_contains(?, p.family_id)
GROUP BY ALL
ORDER BY points DESC, m.metric
"""

FAMILIES_WITH_KINDS_SQL = """
SELECT DISTINCT p.family_id
FROM points p JOIN metrics m USING (metric)
WHERE list_contains(?, m.kind)
ORDER BY p.family_id
"""

POINTS_SQL = """
SELECT * FROM points_view
WHERE list_contains(?, family_id) AND (? IS NULL OR metric = ?)
ORDER BY family_id, run_id, step
"""

LAWS_SQL = """
SELECT l.*, pa.title AS paper_title, pa.year
FROM laws l JOIN papers pa USING (paper_id)
WHERE (? IS NULL OR l.family_id = ?) AND (? IS NULL OR l.paper_id = ?)
ORDER BY pa.year, l.law_id
"""

EXTENTS_SQL = """
SELECT family_id,
       min(N) FILTER (WHERE N > 0) AS N_min, max(N) FILTER (WHERE N > 0) AS N_max,
       min(D) FILTER (WHERE D > 0) AS D_min, max(D) FILTER (WHERE D > 0) AS D_max,
       min(C) FILTER (WHERE C > 0) AS C_min, max(C) FILTER (WHERE C > 0) AS C_max
FROM points_view
WHERE list_contains(?, family_id)
GROUP BY family_id
"""

COEFFICIENTS_SQL = """
SELECT * FROM coefficients WHERE list_contains(?, law_id) ORDER BY law_id
"""

# Public models as a models database describes them; every filter is optional (NULL = all).
MODELS_SQL = """
SELECT * FROM models
WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], domain))
  AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], confidence))
  AND (?::VARCHAR IS NULL OR publication_date >= ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR publication_date <= ?::VARCHAR)
ORDER BY publication_date, model_id
"""


LAW_VERDICTS_SQL = """
SELECT v.*, pa.title AS paper_title, pa.year
FROM law_verdicts v JOIN papers pa USING (paper_id)
WHERE (? IS NULL OR v.paper_id = ?)
ORDER BY pa.year, v.law_id
"""

VERDICT_COEFFICIENTS_SQL = """
SELECT * FROM law_verdict_coefficients WHERE list_contains(?, law_id) ORDER BY law_id
"""

BACKTEST_SCORES_SQL = """
SELECT * FROM backtest_scores WHERE (? IS NULL OR family = ?) ORDER BY family, form, method
"""


class Store:
    """Read-only access to the curated store. Each query takes its own cursor, so one Store
    can serve every session of the app at once."""

    def __init__(self, db_path: Path | None = None, data_dir: Path = DATA_DIR):
        self._connection = open_store(db_path, data_dir)

    def _frame(self, sql: str, parameters: Sequence = ()) -> pd.DataFrame:
        with self._connection.cursor() as cursor:
            return cursor.execute(sql, list(parameters)).df()

    def summary(self) -> dict[str, int]:
        row = self._frame(SUMMARY_SQL).iloc[0]
        counts = {name: int(value) for name, value in row.items()}
        by_source = self._frame("SELECT source_id, count(*) AS n FROM points GROUP BY 1 ORDER BY 1")
        counts["points_by_source"] = dict(zip(by_source["source_id"], by_source["n"].astype(int)))
        by_domain = self._frame(POINTS_BY_DOMAIN_SQL)
        counts["points_by_domain"] = dict(zip(by_domain["domain"], by_domain["n"].astype(int)))
        return counts

    def papers(self) -> pd.DataFrame:
        return self._frame(PAPERS_SQL)

    def families(self, domain: str | None = None, paper_id: str | None = None) -> pd.DataFrame:
        return self._frame(FAMILIES_SQL, [domain, domain, paper_id, paper_id])

    def metrics_of(self, family_ids: Sequence[str]) -> pd.DataFrame:
        return self._frame(FAMILY_METRICS_SQL, [list(family_ids)])

    def families_with(self, metric_kinds: Sequence[str]) -> list[str]:
        """The families with at least one point of a metric of these kinds (e.g. accuracy)."""
        return self._frame(FAMILIES_WITH_KINDS_SQL, [list(metric_kinds)])["family_id"].tolist()

    def points(self, family_ids: Sequence[str], metric: str | None = None) -> pd.DataFrame:
        return self._frame(POINTS_SQL, [list(family_ids), metric, metric])

    def published_laws(self, family_id: str | None = None, paper_id: str | None = None) -> pd.DataFrame:
        return self._frame(LAWS_SQL, [family_id, family_id, paper_id, paper_id])

    def extents(self, family_ids: Sequence[str]) -> dict[str, dict[str, tuple[float, float]]]:
        """Per family, the range of N, D and C its runs cover (positive values only)."""
        frame = self._frame(EXTENTS_SQL, [list(family_ids)])
        return {
            row["family_id"]: {
                v: (float(row[f"{v}_min"]), float(row[f"{v}_max"])) for v in ("N", "D", "C") if pd.notna(row[f"{v}_max"])
            }
            for row in frame.to_dict("records")
        }

    def coefficients(self, law_ids: Sequence[str]) -> pd.DataFrame:
        return self._frame(COEFFICIENTS_SQL, [list(law_ids)])

    def models(
        self,
        domains: Sequence[str] | None = None,
        confidences: Sequence[str] | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
    ) -> pd.DataFrame:
        """Public models (the MODELS table) in these domains and confidence levels, published
        within [from, to] (ISO dates, inclusive); None leaves a filter off."""
        domains = None if domains is None else list(domains)
        confidences = None if confidences is None else list(confidences)
        return self._frame(
            MODELS_SQL,
            [domains, domains, confidences, confidences, published_from, published_from, published_to, published_to],
        )

    def law_verdicts(self, paper_id: str | None = None) -> pd.DataFrame:
        """The reproduction verdict of each published law (empty while data/verdicts.json is stale)."""
        return self._frame(LAW_VERDICTS_SQL, [paper_id, paper_id])

    def verdict_coefficients(self, law_ids: Sequence[str]) -> pd.DataFrame:
        """Printed vs refit coefficients with the refit's interval, for these laws."""
        return self._frame(VERDICT_COEFFICIENTS_SQL, [list(law_ids)])

    def backtest_scores(self, family_id: str | None = None) -> pd.DataFrame:
        return self._frame(BACKTEST_SCORES_SQL, [family_id, family_id])

    def backtest_leaderboard(self) -> pd.DataFrame:
        return self._frame("SELECT * FROM backtest_leaderboard ORDER BY median_abs_rel_error NULLS LAST, form, method")

    def close(self) -> None:
        self._connection.close()
