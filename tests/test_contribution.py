"""A contribution prepared from uploaded runs: a zip that, added to a copy of data/, passes
`check` and becomes a family of a rebuilt store; bad or missing metadata refused field by field."""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace

import pandas as pd
import pytest

from lib.contribution import (
    ContributionRefused,
    Metadata,
    NewMetric,
    add_to_dataset,
    main,
    new_metric_ids,
    prepare_contribution,
)
from lib.ingest import detect_columns, example_csv, read_upload, validate
from lib.schema import DATA_DIR, DOMAINS, METRICS
from lib.store.check import check_dataset
from lib.store.dataset import read_raw_table
from lib.store.queries import Store

METADATA = Metadata(
    title="A Chinchilla-style sweep",
    authors="Ada Lovelace, Charles Babbage",
    year=2025,
    arxiv_id="arXiv:2501.01234v2",
    release_url="https://github.com/ada-lab/sweep-runs",
    license="CC-BY-4.0",
    family_name="Ada's sweep",
    description="Twenty decoder-only runs at four compute budgets, final training loss.",
    domain="language",
    architecture="decoder-only transformer",
    training_data="MassiveText-like web text",
    param_convention="unknown",
    flops_convention="FLOPs as logged by the training code",
    data_unit="tokens",
)


def session_points(content: str, name: str = "sweep.csv", new_metric: bool = False):
    """Points as the My runs page holds them: read, mapped (losses suggested as published metrics) and validated."""
    raw = read_upload(name, content.encode())
    published = set(read_raw_table(METRICS)["metric"])
    mapping = detect_columns(list(raw.cells.columns), raw.cells, published)
    if new_metric:
        mapping.published_as = {}
    return validate(raw, mapping).points


def problems_of(metadata: Metadata, points=None, new_metrics=None) -> list[str]:
    points = session_points(example_csv(), "example.csv") if points is None else points
    with pytest.raises(ContributionRefused) as refused:
        prepare_contribution(metadata, points, new_metrics or {}, "example.csv")
    return refused.value.problems


BITS_PER_BYTE = NewMetric("val_bpb", "loss", False, 0.0, 10.0, "bits/byte", "Validation bits per byte on held-out web text.")
BPB_SWEEP = replace(METADATA, family_name="Ada's bpb sweep", paper_id="lovelace2025b",
                    release_url="https://huggingface.co/datasets/ada-lab/bpb")
BPB_RUNS = "params,tokens,val bpb\n70M,1.4B,1.1\n160M,3.2B,0.98\n"


def test_contributions_added_to_a_copy_of_data_pass_check_and_are_families_after_a_rebuild(tmp_path):
    """Two contributions, one reusing the published train_loss, one declaring a new metric, added to a
    copy of data/: check finds nothing new (nothing at all once committed; a curation in progress in
    the working tree may leave problems of its own) and a store built from the copy holds both."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy, ignore=shutil.ignore_patterns("curate", "__pycache__", "_staging"))
    problems_before = check_dataset(copy)
    contribution = prepare_contribution(METADATA, session_points(example_csv(), "example.csv"), {}, "example.csv")
    assert contribution.filename == "scaling-atlas-contribution_adas_sweep.zip"
    archive = tmp_path / contribution.filename
    archive.write_bytes(contribution.archive)
    assert main(["add", str(archive), "--data", str(copy)]) == 0  # the one documented step
    bpb_points = session_points(BPB_RUNS, "bpb.csv", new_metric=True)
    add_to_dataset(prepare_contribution(BPB_SWEEP, bpb_points, {"val_bpb": BITS_PER_BYTE}, "bpb.csv").archive, copy)
    assert check_dataset(copy) == problems_before

    store = Store(tmp_path / "store.duckdb", copy)
    families = store.families().set_index("family_id")
    assert families.loc["adas_sweep", ["name", "paper_id", "runs", "points"]].tolist() == ["Ada's sweep", "lovelace2025", 20, 20]
    assert families.loc["adas_bpb_sweep", ["paper_id", "runs"]].tolist() == ["lovelace2025b", 2]
    stored = store.points(["adas_sweep"], "train_loss")
    assert set(stored["source_locator"]) == {f"line {line}" for line in range(2, 22)}  # the upload's rows
    assert set(stored["extraction"]) == {"released_data"}
    assert set(stored["source_id"]) == {"ada-lab+sweep-runs"} and set(stored["source_file"]) == {"example.csv"}
    assert store.points(["adas_bpb_sweep"], "val_bpb")["value"].tolist() == [1.1, 0.98]
    paper = store.papers().set_index("paper_id").loc["lovelace2025"]
    assert (paper["arxiv_id"], paper["url"]) == ("2501.01234", "https://arxiv.org/abs/2501.01234")
    store.close()


def test_the_zip_reuses_a_published_metric_and_declares_a_new_one():
    published = zipfile.ZipFile(io.BytesIO(prepare_contribution(METADATA, session_points(example_csv()), {}, "x.csv").archive))
    assert sorted(published.namelist()) == [
        "CONTRIBUTING.txt", "families/adas_sweep.csv", "papers_rows.csv", "points/adas_sweep.csv", "sources_rows.csv",
    ]
    points = session_points(BPB_RUNS, new_metric=True)
    assert new_metric_ids(points) == ["val_bpb"]
    archive = zipfile.ZipFile(io.BytesIO(prepare_contribution(BPB_SWEEP, points, {"val_bpb": BITS_PER_BYTE}, "bpb.csv").archive))
    metrics = archive.read("metrics/adas_bpb_sweep.csv").decode().splitlines()
    assert metrics[1] == "val_bpb,val bpb,loss,False,0.0,10.0,,bits/byte,Validation bits per byte on held-out web text."
    sources = archive.read("sources_rows.csv").decode().splitlines()
    assert sources[1].startswith("huggingface_co_datasets_ada_lab_bpb,https://huggingface.co/datasets/ada-lab/bpb,")


def test_a_contribution_without_a_license_or_a_paper_is_refused_naming_the_field():
    assert problems_of(replace(METADATA, license="  ")) == ["License: missing"]
    no_paper = replace(METADATA, title="", arxiv_id="", paper_url="")
    assert problems_of(no_paper) == [
        "Paper title: missing", "Paper: give its arXiv id or its URL (a report's or preprint's web page)",
    ]


def test_bad_identifiers_addresses_and_vocabulary_are_refused_field_by_field():
    bad = replace(METADATA, arxiv_id="2501.123", paper_url="www.example.org/paper", release_url="ftp://x.org/runs",
                  domain="linguistics", year=1066)
    assert problems_of(bad) == [
        "Domain: 'linguistics' is not one of " + ", ".join(DOMAINS),
        "Year: '1066' is not a year from 1980 to 2030",
        "arXiv id: '2501.123' is not an arXiv id of the form 2203.15556",
        "Paper URL: 'www.example.org/paper' is not a web address starting with https:// or http://",
        "Release URL: 'ftp://x.org/runs' is not a web address starting with https:// or http://",
    ]


def test_ids_the_store_already_uses_are_refused():
    taken = replace(METADATA, family_name="BNSL 4digit addition", authors="Jordan Hoffmann et al.", year=2022,
                    release_url="https://github.com/epoch-research/analyzing-chinchilla")
    assert problems_of(taken) == [
        "Family name: the id 'bnsl_4digit_addition' is already taken in the store (4-digit addition vs training set "
        "size (Caballero 2022, Fig. …); choose another family name",
        "Paper id: the id 'hoffmann2022' is already taken in the store (Training Compute-Optimal Large Language "
        "Models); give the paper id yourself, e.g. with a letter after the year",
        "Release URL: the id 'epoch-research+analyzing-chinchilla' is already taken in the store "
        "(https://github.com/epoch-research/analyzing-chinchilla); it is curated already: give the address of your "
        "own release",
    ]
    assert problems_of(replace(METADATA, family_name="My runs"))[0].startswith("Family name: the id 'my_runs' is already taken")
    assert problems_of(replace(METADATA, paper_id="Lovelace 2025")) == [
        "Paper id: 'Lovelace 2025' gives no id (an id is lower-case letters, digits and _, starting with a letter)",
    ]


def test_a_new_metric_needs_its_definition_and_a_sane_range():
    points = session_points("params,tokens,score\n70M,1.4B,0.3\n", new_metric=True)
    assert problems_of(METADATA, points) == ["Metric 'score' definition: missing"]
    empty_range = NewMetric("score", "accuracy", True, 1.0, 0.0, "", "Accuracy on a held-out set.")
    assert problems_of(METADATA, points, {"score": empty_range}) == ["Metric 'score' range: the sane range [1, 0] is empty or not finite"]


def test_what_check_would_refuse_is_refused_before_the_download():
    points = session_points("params,tokens,loss\n70M,1.4B,25\n160M,3.2B,3.1\n")
    assert problems_of(METADATA, points) == [
        "Check: data/points/adas_sweep.csv:2: points: value 25 of 'train_loss' is outside its sane range [0, 20]",
    ]


def test_a_contribution_holds_at_most_fifty_thousand_points():
    points = session_points(example_csv())
    assert problems_of(METADATA, pd.concat([points] * 2501, ignore_index=True)) == [
        "Runs: 50,020 points; a contribution holds at most 50,000. A larger release is curated by a script "
        "(data/curate): open an issue with its address",
    ]


def test_adding_refuses_to_overwrite_and_leaves_the_data_untouched(tmp_path):
    copy = tmp_path / "data"
    for folder in ("families", "points", "metrics"):
        (copy / folder).mkdir(parents=True)
    for name in ("papers.csv", "sources.csv"):
        shutil.copy(DATA_DIR / name, copy / name)
    archive = prepare_contribution(METADATA, session_points(example_csv()), {}, "example.csv").archive
    changed = add_to_dataset(archive, copy)
    assert sorted(path.name for path in changed) == ["adas_sweep.csv", "adas_sweep.csv", "papers.csv", "sources.csv"]
    papers = (copy / "papers.csv").read_bytes()
    with pytest.raises(ValueError, match="already in .*families/adas_sweep.csv, points/adas_sweep.csv"):
        add_to_dataset(archive, copy)
    (copy / "families" / "adas_sweep.csv").unlink()
    (copy / "points" / "adas_sweep.csv").unlink()
    with pytest.raises(ValueError, match="papers_rows.csv: lovelace2025 is already in"):
        add_to_dataset(archive, copy)
    assert (copy / "papers.csv").read_bytes() == papers and not (copy / "points" / "adas_sweep.csv").exists()
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w") as handle:
        handle.writestr("../outside.csv", "x\n")
    with pytest.raises(ValueError, match="unexpected ../outside.csv"):
        add_to_dataset(hostile.getvalue(), copy)
