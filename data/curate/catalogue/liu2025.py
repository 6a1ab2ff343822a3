"""Liu et al. 2025, Muon is Scalable for LLM Training (arXiv 2502.16982v1).

Sec. 3.2, Table 3: the fitted loss-vs-compute laws of Muon and AdamW (compute in PFLOP/s-days,
the unit of the Figure 3 axis); model sizes in Table 2.
"""

# ---------------------------------------------------------------------------------------------
# Muon is Scalable (Liu et al. 2025): Table 3, Muon vs AdamW.
# ---------------------------------------------------------------------------------------------
SOURCE = (
    "Transcribed from arXiv 2502.16982v1 (Sec. 3.2, Table 2 and Table 3); compute unit from "
    "the Figure 3 x-axis, labelled 'PFLOP/s-days'."
)
MUON_FIT = (
    "Dense Llama-architecture models of 399M, 545M, 822M, 1.1B and 1.5B parameters without "
    "embeddings trained compute-optimally on 8.92B-38.91B tokens at 8K context (Table 2); AdamW "
    "hyper-parameters from a grid search (App. B), reused for Muon with matched update RMS"
)


def _muon(opt: str, name: str, a: float, alpha: float) -> dict:
    return dict(
        law_id=f"liu2025_{opt}_loss_C",
        paper_id="liu2025",
        family_id="",
        form="power_law",
        x_var="C",
        output="loss",
        fitted_on=f"{MUON_FIT}; optimizer: {name}",
        fit_method="Compute-optimal scaling-law fit of LM loss against training compute "
        "(Sec. 3.2, Fig. 3); fitting procedure not detailed further in the text read",
        source_ref=f"Table 3 'Fitted parameters of the scaling law curves', column {name}, row "
        f"'LM loss (seqlen=8K)': {a} x C^-{alpha}",
        extraction="reported_fit",
        completeness="complete",
        param_convention="non_embedding",
        flops_convention="C in PFLOP/s-days (Fig. 3 axis); how FLOPs were counted is not stated "
        "in the text read",
        loss_definition="LM loss at sequence length 8K (Table 3 row and Fig. 3 y-axis label)",
        notes="Printed as a x C^(-alpha); registry power_law y = A X^-alpha by pure renaming "
        "(A = the printed prefactor). Model sizes are counted without embeddings (Table 2); the "
        "law itself is in compute only. The paper reads the two laws as Muon needing about 52% of "
        "AdamW's training FLOPs. " + SOURCE,
        coefs=[
            ("A", a, "LM loss; C in PFLOP/s-days", "", f"Table 3, {name}"),
            ("alpha", alpha, "", "", f"Table 3, {name}: printed exponent -{alpha}"),
        ],
    )

LAWS = [_muon("muon", "Muon", 2.506, 0.052), _muon("adamw", "AdamW", 2.608, 0.054)]
