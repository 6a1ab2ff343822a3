"""Castro et al. 2025, Quartet: Native FP4 Training Can Be Optimal for Large Language Models
(arXiv 2505.14669v4).

Llama-2-architecture models of 30M-200M non-embedding parameters pretrained on C4 at D/N from
25 to 800, in BF16 and in low-precision (MXFP4/FP8) forward and backward passes. Sec. 4.1 Eq. (1)
models the C4 validation loss as
    L(N, D, P_fwd, P_bwd) = (A/(N eff_N(P_fwd))^alpha + B/(D eff_D(P_bwd))^beta)^gamma + E,
and App. A.3 fits the unquantized (BF16, eff = 1) part first, following Busbridge et al.
(Table 6: A = 1.52e5, alpha = 0.589, B = 5.25e5, beta = 0.544, E = 1.35, gamma = 0.274). The
outer exponent gamma has no place in the registry chinchilla form, so only E maps (partial), as
for busbridge2025; the other five coefficients are kept in the notes.
"""

PAPER = dict(
    paper_id="castro2025",
    title="Quartet: Native FP4 Training Can Be Optimal for Large Language Models",
    authors="Roberto L. Castro, Andrei Panferov, Soroush Tabesh, Oliver Sieberling, Jiale Chen, "
    "Mahdi Nikdan, Saleh Ashkboos, Dan Alistarh",
    year=2025,
    arxiv_id="2505.14669",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2505.14669",
    covers="Low-precision (MXFP4) LLM pretraining: Llama-2-type models of 30M-200M non-embedding "
    "parameters (plus a 7B stability run) on C4 at D/N 25-800, a precision-aware scaling law "
    "(Eq. 1) with parameter and data efficiencies eff_N and eff_D per quantized-training method, "
    "and the Quartet MXFP4 algorithm with Blackwell GPU kernels.",
)

SOURCE = "Transcribed from arXiv 2505.14669v4 (Sec. 3, Sec. 4.1 Eq. (1), App. A.2-A.3 Table 6)."

LAWS = [
    dict(
        law_id="castro2025_bf16_L_ND",
        paper_id="castro2025",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="Unquantized BF16 baseline runs of Llama-2-architecture models with 30M, 50M, "
        "100M and 200M non-embedding parameters at D/N = 25, 50, 100, 200, 400 and 800 on the C4 "
        "train split; sequence length 512, batch 512, AdamW, cosine schedule with 10% warm-up "
        "(Sec. 3, App. A.2 Tables 4-5, App. A.3 Stage 1)",
        fit_method="Stage 1 of App. A.3: L(N, D) = (A/N^alpha + B/D^beta)^gamma + E fitted with a "
        "Huber loss (delta = 1e-4) on the logarithm of L, 'identical to prior work' (Busbridge "
        "et al.); stage 2 then fits eff_N and eff_D with these coefficients held fixed",
        source_ref="App. A.3 Table 6 'Fitted scaling law coefficients', column E = 1.35; law "
        "Sec. 4.1 Eq. (1) / App. A.3 L(N, D) = (A/N^alpha + B/D^beta)^gamma + E",
        extraction="reported_fit",
        completeness="partial",
        param_convention="non_embedding",
        flops_convention="not used by the fit",
        loss_definition="C4 validation cross-entropy loss (Sec. 3 'report C4 validation loss as "
        "the main metric')",
        notes="The law has an outer exponent gamma on the reducible part (gamma = 1 gives the "
        "registry chinchilla form; Table 6 prints gamma = 0.274), so only the irreducible term E "
        "maps onto the registry form; A = 1.52e5, alpha = 0.589, B = 5.25e5, beta = 0.544 "
        "(Table 6) are coefficients of the gamma-form and are not recorded as Chinchilla "
        "coefficients. The quantized laws replace N by N eff_N(P_fwd) and D by D eff_D(P_bwd) "
        "(Eq. 1); the per-method efficiencies (e.g. Table 2: eff_N 0.42 stochastic rounding, "
        "0.59 round-to-nearest, 0.64 QuEST) have no registry parameter and are not recorded. "
        "App. A.3 Figure 6 compares this form with gamma = 1 (Hoffmann et al.) and beta = 1 "
        "(Kaplan et al.) fits, whose coefficients are not printed. " + SOURCE,
        coefs=[
            ("E", 1.35, "loss (validation cross-entropy)", "E", "Table 6, printed 1.35"),
        ],
    ),
]
