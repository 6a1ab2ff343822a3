"""Dollár, Singh & Girshick 2021, Fast and Accurate Model Scaling (arXiv 2103.06877, CVPR 2021).

Abstract: "Unlike currently popular scaling strategies, which result in about O(s) increase in model
activation w.r.t. scaling flops by a factor of s, the proposed fast compound scaling results in
close to O(sqrt(s)) increase in activations". Both are stated as orders of growth, so each law is a
partial registry allocation y = k C^a with y = the network's activations (output 'other'),
C = the network's flops and a = 1 or 1/2; no prefactor is stated.

Trap: C here is the flops of the scaled convolutional network (the complexity the paper scales by
a factor s), not training compute; the accuracy of the scaled models is not stated in the abstract
and is left out.
"""

PAPER = dict(
    paper_id="dollar2021",
    title="Fast and Accurate Model Scaling",
    authors="Piotr Dollár, Mannat Singh, Ross Girshick",
    year=2021,
    arxiv_id="2103.06877",
    venue="CVPR 2021",
    url="https://arxiv.org/abs/2103.06877",
    covers="Scaling strategies for convolutional networks (width, depth, resolution, ...): how flops, "
    "parameters, activations and runtime grow as a base network is scaled up, and a fast compound "
    "scaling that mainly widens the network so that activations grow close to the square root of the "
    "flops while accuracy stays excellent.",
)

FLOPS = (
    "C = the flops of the scaled network (the model complexity multiplied by the scaling factor s), "
    "not training compute"
)


def activation_law(strategy: str, exponent: float, quote: str, what: str) -> dict:
    return dict(
        law_id=f"dollar2021_{strategy}_activations_C",
        paper_id="dollar2021",
        family_id=None,
        form="allocation",
        x_var="C",
        output="other",
        fitted_on=f"{what}, scaling a base convolutional network's flops by a factor s",
        fit_method="growth order of the activations with the flops scaling factor s (stated in the abstract)",
        source_ref=f"Abstract (arXiv 2103.06877): '{quote}'",
        extraction="reported_fit",
        completeness="partial",
        param_convention="unknown",
        flops_convention=FLOPS,
        loss_definition="not applicable (the output is the network's activations, the size of its "
        "convolutional layers' output tensors)",
        notes=f"Partial: only the order of growth is stated ({quote}), so a = {exponent:g} is approximate "
        "and the prefactor k is left out. Output 'other' = the scaled network's activations; x = its "
        "flops, not training compute. The accuracy of the scaled networks is not stated in the abstract "
        "and is left out.",
        coefs=[("a", exponent, None, "order of growth in s", f"abstract: {quote}")],
    )


LAWS = [
    activation_law("popular_strategies", 1.0, "about O(s) increase in model activation w.r.t. scaling flops "
                   "by a factor of s", "the currently popular scaling strategies (e.g. increasing model width, "
                   "depth or resolution)"),
    activation_law("fast_compound", 0.5, "close to O(sqrt(s)) increase in activations",
                   "the proposed fast compound scaling (primarily width, depth and resolution to a lesser extent)"),
]
