"""Pourmirzaei et al. 2026, Learning Latent Protein Languages for Autoregressive Generation
(arXiv 2610.03978).

Autoregressive transformers pretrained on three protein token vocabularies: amino acids (PLM),
the learned 4,096-state Protein Latent Language (PLLM) and the Structure Latent Language
(SLLM). The abstract states the fitted exponents of validation loss versus downstream training
compute: 0.038 (PLLM) and 0.020 (PLM) under matched sequence training, and 0.049 (SLLM) on
structure-token data. Only the exponents are printed, so each law is a partial registry
power_law y = A C^-alpha with alpha alone.
"""

PAPER = dict(
    paper_id="pourmirzaei2026",
    title="Learning Latent Protein Languages for Autoregressive Generation",
    authors="Mahdi Pourmirzaei, Farzaneh Esmaili, Amir Ziashahabi, Mohammadreza Pourmirzaei, "
    "Dong Xu",
    year=2026,
    arxiv_id="2610.03978",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2610.03978",
    covers="Protein generation: autoregressive language models on amino-acid tokens (PLM), a "
    "learned contextual latent sequence alphabet built on frozen ESM-2 (PLLM) and latent "
    "structure tokens decodable to backbone coordinates (SLLM); validation-loss-versus-compute "
    "exponents per vocabulary, ProteinBench sequence and backbone generation, and "
    "sequence-to-structure prediction with confidence-based inference-time selection.",
)

PLACE = (
    "The authors' release repeats the abstract in its README (mahdip72/latent_protein_languages "
    "README.md, sections 'Abstract' and 'Scaling laws') and on its project page "
    "(mahdip72/latent-protein-languages.github.io index.html, 'Compute scaling'). "
)
COMMON_NOTES = (
    "Only the exponent is printed; the prefactor and the exact fitted form are not stated (the "
    "release calls the exponent a 'slope' of validation loss versus compute, i.e. a straight "
    "line in log-log axes, read here as the registry power_law without offset), so A is not "
    "recorded. Compute is the estimated downstream autoregressive training compute; its unit "
    "is not stated. The release warns that absolute cross-entropy values are not comparable "
    "across vocabularies, so only the exponents are comparable. "
)

ROWS = (
    # (law suffix, model, exponent, fitted_on)
    ("pllm", "PLLM", 0.038, "Autoregressive transformers trained with next-token prediction on "
     "Protein Latent Language tokens (a 4,096-state contextual alphabet from a frozen ESM-2 "
     "encoder, one token per residue) of UniRef50 sequences, under the same downstream "
     "sequence training as the amino-acid PLM"),
    ("plm", "PLM", 0.020, "Autoregressive transformers trained with next-token prediction on "
     "amino-acid tokens of UniRef50 sequences, under the same downstream sequence training as "
     "PLLM"),
    ("sllm", "SLLM", 0.049, "Autoregressive transformers trained with next-token prediction on "
     "Structure Latent Language tokens (adapted GCP-VQVAE Lite, one token per residue, "
     "decodable to backbone coordinates) in a separate structure-token study with a different "
     "dataset and training exposure"),
)


def compute_law(suffix: str, model: str, exponent: float, fitted_on: str) -> dict:
    return dict(
        law_id=f"pourmirzaei2026_{suffix}_loss_C",
        paper_id="pourmirzaei2026",
        form="power_law",
        x_var="C",
        output="loss",
        fitted_on=fitted_on,
        fit_method="Fit of validation loss versus estimated downstream training compute "
        "(method not stated)",
        source_ref=f"Abstract (arXiv 2610.03978): {model} 'fitted compute-scaling exponent' "
        f"{exponent}",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention="estimated downstream autoregressive training compute; unit not stated",
        loss_definition=f"Validation next-token cross-entropy of {model} within its own token "
        "vocabulary",
        notes=COMMON_NOTES + PLACE,
        coefs=[("alpha", exponent, "", "exponent",
                f"Abstract, {model}: printed {exponent}; loss falls with compute")],
    )


LAWS = [compute_law(*row) for row in ROWS]
