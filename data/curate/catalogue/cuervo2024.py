"""Cuervo & Marxer 2024, Scaling Properties of Speech Language Models (arXiv 2404.00685).

Llama-architecture speech language models (20M-823M parameters) on HuBERT speech units (25 Hz,
vocabulary 500). Table 5 prints the fit of Muennighoff et al.'s law (Eq. 4, 7, 8): E, A, B,
alpha, beta from single-epoch runs, then R_N^* and R_D^* from multi-epoch runs; the SPEECH row is
exactly the registry data_constrained law. Table 4 prints only the exponents gamma_q of
downstream accuracy Q proportional to C^gamma_q (Figure 2), for the speech models and for the
Pythia text models: power laws with alpha = -gamma_q and no prefactor, hence partial.
The SPEECH (UNIGRAM) row of Table 5 is left out: in the text available its E and A cells are run
together ("1.423.85") and cannot be split with certainty.
"""

PAPER = dict(
    paper_id="cuervo2024",
    title="Scaling Properties of Speech Language Models",
    authors="Santiago Cuervo, Ricard Marxer",
    year=2024,
    arxiv_id="2404.00685",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2404.00685",
    covers="Over 50 speech language models (Llama architecture, 20M-823M parameters) trained on "
    "HuBERT units of 160k hours of English speech, including a synthesized spoken TinyStories: "
    "a data-constrained (Muennighoff) law in parameters and tokens (Table 5) and power laws of "
    "syntactic and semantic accuracy (sBLIMP, tStoryCloze, sStoryCloze) against compute, "
    "compared with Pythia text models (Table 4).",
)

SPEECH_FIT = (
    "Llama-architecture SLMs of 20M, 85M, 155M, 309M and 823M parameters (Table 1) on HuBERT "
    "25 Hz units (K = 500) of LibriSpeech, LibriLight, SWC, Tedlium, People's Speech, Vox Populi "
    "and sTinyStories (10.89B tokens, Table 2), D/N in {2, 4, 8, 10, 20, 32, 64, 100} plus "
    "multi-epoch runs of 2-10 epochs; AdamW, cosine schedule 5e-4 to 5e-5, context 2050 "
    "(Sec. 3.1, 3.3)"
)
TEST_LOSS = "Average next-token cross-entropy on the held-out test sets (sTinyStories excluded), Sec. 3.2"

DATA_CONSTRAINED = dict(
    law_id="cuervo2024_speech_data_constrained",
    paper_id="cuervo2024",
    form="data_constrained",
    x_var="N,D,U",
    output="loss",
    fitted_on=SPEECH_FIT,
    fit_method="Huber loss (delta = 0.03), L-BFGS; E, A, B, alpha, beta fitted on single-epoch "
    "runs, then R_N^* and R_D^* on multi-epoch runs (Sec. 3.1, following Muennighoff et al.)",
    source_ref="Table 5 'Scaling law parameters fit to Equations 4 and 7', row SPEECH; law Eq. "
    "(7)-(8), Sec. 4.3.2",
    extraction="reported_fit",
    completeness="complete",
    param_convention="unknown",
    flops_convention="C = 6 N D (Sec. 2.2)",
    loss_definition=TEST_LOSS,
    notes="The registry data_constrained law with the paper's names (Eq. 7-8 are Muennighoff et "
    "al.'s). Sec. 4.3.2: a and b are both about 0.5, and unlike text R_N^* > R_D^*. The paper "
    "does not say whether N includes embeddings. In Table 5 the columns are headed RN and RD.",
    coefs=[
        ("E", 1.73, "loss (nats)", "E", "Table 5, SPEECH"),
        ("A", 13.9, "", "A", "Table 5, SPEECH; N in parameters"),
        ("B", 39.8, "", "B", "Table 5, SPEECH; D in speech tokens"),
        ("alpha", 0.25, "", "alpha", "Table 5, SPEECH"),
        ("beta", 0.24, "", "beta", "Table 5, SPEECH"),
        ("R_N_star", 31.0, "repetitions of U_N", "R_N^*", "Table 5, SPEECH, column RN"),
        ("R_D_star", 25.0, "epochs (repetitions)", "R_D^*", "Table 5, SPEECH, column RD"),
    ],
)

# Table 4: (modality row, metric column) -> gamma_q
TABLE4 = {
    ("speech", "blimp"): 0.021,
    ("speech", "tstorycloze"): 0.025,
    ("speech", "sstorycloze"): 0.017,
    ("text", "blimp"): 0.066,
    ("text", "tstorycloze"): 0.039,
    ("text", "sstorycloze"): 0.046,
}
METRICS = {
    "blimp": ("BLIMP", "sBLIMP (Zero Resource Speech Challenge) syntax accuracy; BLiMP for the text models"),
    "tstorycloze": ("TCLOZE", "tStoryCloze accuracy (negatives sampled at random)"),
    "sstorycloze": ("SCLOZE", "sStoryCloze accuracy (the adversarial StoryCloze negatives)"),
}
MODELS = {
    "speech": ("SPEECH", SPEECH_FIT + "; envelope of maximum accuracy per FLOP"),
    "text": ("TEXT", "Pythia models from 14M to 6.9B parameters trained on 300B tokens (Sec. 3.1); "
             "envelope of maximum accuracy per FLOP"),
}


def downstream_law(modality: str, metric: str) -> dict:
    row, fitted_on = MODELS[modality]
    column, definition = METRICS[metric]
    gamma = TABLE4[(modality, metric)]
    return dict(
        law_id=f"cuervo2024_{modality}_{metric}_C",
        paper_id="cuervo2024",
        form="power_law",
        x_var="C",
        output="accuracy",
        fitted_on=fitted_on,
        fit_method="Power law fitted to the envelope of maximum downstream performance per FLOP "
        "before saturation (Sec. 4.3.1, Figure 2)",
        source_ref=f"Table 4 'gamma_q power law coefficients of downstream performance with "
        f"compute', row {row}, column {column}; Sec. 4.3.1 Q proportional to C^gamma_q",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="C in FLOPs (Sec. 2.2)",
        loss_definition=f"{definition}: binary accuracy of preferring the positive sample (Sec. 3.2)",
        notes="Only the exponent is printed (Q grows as C^gamma_q); the prefactor is in Figure 2 "
        "only, so A is not recorded. alpha = -gamma_q because accuracy rises with compute.",
        coefs=[("alpha", -gamma, "", "gamma_q", f"Table 4, {row}, {column}: printed {gamma}; alpha = -gamma_q")],
    )


LAWS = [DATA_CONSTRAINED, *(downstream_law(modality, metric) for modality, metric in TABLE4)]
