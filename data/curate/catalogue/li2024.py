"""Li et al. 2024, On the Scalability of Diffusion-based Text-to-Image Generation.

UNet and Transformer denoising backbones (0.4B-4B) trained at 256px on curated image-text data;
Sec. 5 'Numerical Scaling Law' fits the TIFA score S as power laws of compute (GFLOPs), model
size and dataset size on Pareto-frontier points (Fig. 11).

The model-size law printed beside them, S = 0.77 N^0.11 with N in millions of parameters, is not
recorded: in those units it gives S > 1 (0.77 x 400^0.11 = 1.49) over the plotted 0.4B-4B range
while TIFA is a fraction, so the printed unit or exponent is wrong and cannot be repaired from
the text.
"""

PAPER = dict(
    paper_id="li2024",
    title="On the Scalability of Diffusion-based Text-to-Image Generation",
    authors="Hao Li, Yang Zou, Ying Wang, et al.",
    year=2024,
    arxiv_id="2404.02883",
    venue="arXiv preprint",
    url="https://arxiv.org/abs/2404.02883",
    covers="Controlled scaling study of diffusion text-to-image models: SD2, DeepFloyd and SDXL "
    "UNet variants and Transformer backbones (0.4B-4B parameters) trained at 256x256 on curated "
    "LensArt (250M) and SSTK data (up to 600M images, synthetic captions); TIFA, ImageReward, "
    "CLIP score and FID over training; power laws of the TIFA score in compute, model size and "
    "dataset size (Sec. 5, Fig. 11).",
)

FITTED_ON = (
    "Pareto-frontier points of SDXL UNet variants and SD2 trained at 256x256 resolution, batch "
    "2048, up to 600K steps, SDXL VAE and OpenCLIP-H text encoder, on LensArt / SSTK data "
    "(Sec. 2-5, Fig. 11)"
)
SCORE = (
    "TIFA score (text-to-image faithfulness via visual question answering on 4K prompts, a "
    "fraction of questions answered correctly; higher is better), 50-step DDIM, CFG 7.5 "
    "(Sec. 3)"
)
GROWING = (
    "Registry power_law y = A X^-alpha holds the printed S = A X^b exactly with alpha = -b "
    "(the score grows with scale). Partial because the printed law is in the paper's own "
    "units ({unit}), for which the atlas has no unit conversion yet; A is recorded as printed "
    "for x in those units. The fit is on Pareto-frontier points and the paper says it "
    "approximates performance 'in a range given sufficient training'."
)


def _law(law_id, x_var, prefactor, exponent, unit, printed, fitted_on, flops):
    return dict(
        law_id=law_id,
        paper_id="li2024",
        form="power_law",
        x_var=x_var,
        output="other",
        fitted_on=fitted_on,
        fit_method="Power-law fit on the Pareto-frontier data points (Sec. 5)",
        source_ref=f"Sec. 5 'Numerical Scaling Law' (arXiv 2404.02883v1): '{printed}'; Fig. 11",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention=flops,
        loss_definition=SCORE,
        notes=GROWING.format(unit=unit),
        coefs=[
            ("A", prefactor, "", "", f"Sec. 5, printed {prefactor}; x in {unit}"),
            ("alpha", -exponent, "", "", f"Sec. 5, printed exponent +{exponent}; alpha = -{exponent}"),
        ],
    )


LAWS = [
    _law(
        "li2024_tifa_C",
        "C",
        0.47,
        0.02,
        "GFLOPs of total training compute",
        "S = 0.47C^0.02",
        FITTED_ON + "; x = total training compute C in GFLOPs",
        "C in GFLOPs, estimated as 3 x FLOPs of one DDPM step x batch size x steps (Fig. 3 caption)",
    ),
    _law(
        "li2024_tifa_D",
        "D",
        0.64,
        0.03,
        "millions of image-noun pairs",
        "S = 0.64D^0.03",
        "SD2 trained on LensArt, SSTK, LensArt with synthetic captions and LensArt + SSTK "
        "(Sec. 4-5, Fig. 11c); x = dataset size D in millions of image-noun pairs (an image "
        "paired with one noun of its caption), not images or tokens",
        "not used (the law is in dataset size)",
    ),
]
