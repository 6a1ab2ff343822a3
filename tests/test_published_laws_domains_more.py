"""Published coefficients transcribed by data/curate/laws_domains_more.py: a few exact values (shape: test_published_law_files.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.schema import DATA_DIR
from tests.law_files import coefficient_value, law_file_fixtures

laws, coefs = law_file_fixtures("laws_domains_more")


def test_cherti_family_ids_exist(laws):
    families = pd.read_csv(DATA_DIR / "families" / "openclip_runs.csv")
    used = set(laws.loc[laws["paper_id"] == "cherti2023", "family_id"].dropna())
    assert used == {"clip_wit_openai"}
    assert used <= set(families["family_id"])


@pytest.mark.parametrize(
    "law_id, param, expected",
    [
        # Cherti 2023 Sec. 4.1: alpha_openCLIP = -0.11, alpha_CLIP = -0.16 (zero-shot ImageNet),
        # alpha_CLIP = -0.24 (robustness); Sec. 4.2: alpha_openCLIP = -0.19 (Flickr30K)
        ("cherti2023_openclip_imagenet_zeroshot_C", "alpha", 0.11),
        ("cherti2023_clip_imagenet_zeroshot_C", "alpha", 0.16),
        ("cherti2023_clip_imagenet_robustness_zeroshot_C", "alpha", 0.24),
        ("cherti2023_openclip_flickr30k_retrieval_zeroshot_C", "alpha", 0.19),
        # Shukor 2025 Table 2, NMM (early-fusion) AVG: E 1.904, alpha 0.301, beta 0.335, a 0.5262, b 0.473, c -0.0492
        ("shukor2025_early_avg_L_ND", "E", 1.904),
        ("shukor2025_early_avg_L_ND", "alpha", 0.301),
        ("shukor2025_early_avg_L_ND", "beta", 0.335),
        ("shukor2025_early_avg_N_opt", "a", 0.5262),
        ("shukor2025_early_avg_D_opt", "a", 0.473),
        ("shukor2025_early_avg_L_C", "alpha", 0.0492),
        # Table 2, Sparse NMM AVG: alpha 0.710, b 0.656; late fusion AVG a 0.6358
        ("shukor2025_sparse_avg_L_ND", "alpha", 0.710),
        ("shukor2025_sparse_avg_D_opt", "a", 0.656),
        ("shukor2025_late_avg_N_opt", "a", 0.6358),
        # Table 3, mixture 30-30-40: E 1.847, a 0.572, c -0.0463
        ("shukor2025_early_mix30_30_40_L_ND", "E", 1.847),
        ("shukor2025_early_mix30_30_40_N_opt", "a", 0.572),
        ("shukor2025_early_mix30_30_40_L_C", "alpha", 0.0463),
        # Henighan 2020 Table 1, N_opt(C): Image 16x16 (C/4.8e-12)^0.75, Video (C/1.13e-12)^0.71
        ("henighan2020_image_16x16_N_opt", "a", 0.75),
        ("henighan2020_video_vq_N_opt", "a", 0.71),
    ],
)
def test_transcribed_values(coefs, law_id, param, expected):
    assert coefficient_value(coefs, law_id, param) == pytest.approx(expected, rel=1e-12)


def test_partial_laws_do_not_invent_prefactors(laws, coefs):
    partial = set(laws.loc[laws["completeness"] == "partial", "law_id"])
    prefactors = coefs[coefs["law_id"].isin(partial) & coefs["param"].isin(["A", "B", "k"])]
    assert prefactors.empty


def test_every_law_is_a_reported_fit(laws):
    assert set(laws["extraction"]) == {"reported_fit"}
