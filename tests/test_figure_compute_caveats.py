"""Charts say when a family's compute is not training FLOPs."""

import pandas as pd

from lib.figures import compute_caveats, scaling_scatter
from lib.store import Store

OPENCLIP_NAME = "OpenCLIP on LAION-2B"


def openclip_and_chinchilla():
    store = Store()
    try:
        clip = store.points(["openclip_laion2b"], "acc1_zeroshot_imagenet1k_during_training")
        chinchilla = store.points(["chinchilla_epoch"])
    finally:
        store.close()
    return pd.concat([clip, chinchilla], ignore_index=True)


def test_forward_only_compute_is_named_for_its_family_only():
    points = openclip_and_chinchilla()
    caveats = compute_caveats(points, "C")
    assert caveats == {OPENCLIP_NAME: "forward passes only (training takes about 3x)"}
    names = [trace.name for trace in scaling_scatter(points, "C", y_label="value").data]
    assert sum("(C: forward passes only" in name for name in names) == 1


def test_no_caveat_off_the_compute_axis_or_on_6nd():
    points = openclip_and_chinchilla()
    assert compute_caveats(points, "N") == {}
    assert compute_caveats(points, "C_6ND") == {}
