"""Ji et al. 2024, Uni-Mol2: Exploring Molecular Pretraining Model at Scale (arXiv 2406.14969).

Two-track (atom and pair) transformers of 42M to 1.1B parameters pretrained on 838 million 3D
molecular conformations (masked atom tokens plus coordinate denoising). Sec. 4 Eq. (10)-(11) fit
the validation loss during convergence as
    L(M, S, C) = 2.660 M^-1.137 + 1.848 S^-0.225 + 0.588 C^-1.479,
M the model size, S the training steps (batch fixed at 1024, so S stands for the data D) and
C = M S. The first two terms are the registry chinchilla terms A/N^alpha + B/D^beta; the paper has
no constant E and adds a compute term the form lacks, so the law is partial (A, alpha, B, beta).
The text does not state the units of M and S (see the notes).
"""

PAPER = dict(
    paper_id="ji2024",
    title="Uni-Mol2: Exploring Molecular Pretraining Model at Scale",
    authors="Xiaohong Ji, Zhen Wang, Zhifeng Gao, Hang Zheng, Linfeng Zhang, Guolin Ke, Weinan E",
    year=2024,
    arxiv_id="2406.14969",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2406.14969",
    covers="Molecular pretraining: Uni-Mol2 two-track transformers (42M to 1.1B parameters) on "
    "884 million 3D conformations from ZINC20 and the Uni-Mol set, a power law of validation loss "
    "in model size, training steps and compute (Eq. 11) checked on the 570M and 1.1B models, and "
    "QM9 and COMPAS-1D fine-tuning results by model size.",
)

LAWS = [
    dict(
        law_id="ji2024_unimol2_L_MS",
        paper_id="ji2024",
        form="chinchilla",
        x_var="N,D",
        output="loss",
        fitted_on="Uni-Mol2 models of 42M, 84M, 164M and 310M parameters (Table 2), validation loss "
        "every 10,000 steps after the first 200,000; all trained on 838 million sampled "
        "conformations, batch 1024, AdamW, peak learning rate 1e-4 after 100,000 warm-up steps, "
        "polynomial decay (Sec. 3.3, 4)",
        fit_method="Empirical power-law fit of the validation-loss trajectories (method not "
        "stated); checked on the 570M and 1.1B models (Table 3: RMAE 0.0169 and 0.0095)",
        source_ref="Sec. 4 'Scaling Laws', Eq. (11): L(M,S,C) = 2.660M^-1.137 + 1.848S^-0.225 + "
        "0.588C^-1.479 (form Eq. 10)",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="C approximated as M S (Sec. 4); no FLOP count",
        loss_definition="Pretraining validation loss on 520k held-out molecules: masked atom-token "
        "cross-entropy plus l1 coordinate and pair-distance denoising losses (Eq. 9, Sec. 3.1)",
        notes="Registry chinchilla terms with A = 2.660, alpha = 1.137 (model size M) and "
        "B = 1.848, beta = 0.225 (training steps S standing in for D; batch 1024 molecules). The "
        "paper's law has no constant term and adds 0.588 C^-1.479 with C = M S, which the form "
        "cannot hold: partial. Units of M and S are not stated in the text; with M in millions of "
        "parameters and S in steps Eq. (11) gives 0.0885 (570M) and 0.0875 (1.1B) at 810,000 "
        "steps, close to the predictions the paper states (0.088 and 0.0871), whereas with M in "
        "parameters both would be 0.0866. The exponents are printed as negative powers "
        "(beta_m = -1.137, beta_s = -0.225); alpha and beta are their negatives.",
        coefs=[
            ("A", 2.660, "", "alpha_m", "Eq. (11); M in the paper's (unstated) unit, apparently millions of parameters"),
            ("alpha", 1.137, "", "beta_m", "Eq. (11): printed exponent -1.137 on M; alpha = -beta_m"),
            ("B", 1.848, "", "alpha_s", "Eq. (11); S in training steps"),
            ("beta", 0.225, "", "beta_s", "Eq. (11): printed exponent -0.225 on S; beta = -beta_s"),
        ],
    ),
]
