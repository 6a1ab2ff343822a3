"""BibTeX entries: fields, arXiv eprints, "et al." as "others", LaTeX escaping."""

from __future__ import annotations

import re

from lib.bibtex import bibtex, bibtex_all, bibtex_authors, latex_escape
from lib.store import Store

PAPER = {
    "paper_id": "kaplan2020",
    "title": "Scaling Laws for Neural Language Models",
    "authors": "Jared Kaplan, Sam McCandlish, Tom Henighan, et al.",
    "year": 2020.0,
    "arxiv_id": "2001.08361",
    "venue": "arXiv preprint",
    "url": "https://arxiv.org/abs/2001.08361",
}


def test_an_arxiv_preprint_gets_eprint_fields_and_others_for_et_al():
    assert bibtex(PAPER) == (
        "@article{kaplan2020,\n"
        "  title = {{Scaling Laws for Neural Language Models}},\n"
        "  author = {Jared Kaplan and Sam McCandlish and Tom Henighan and others},\n"
        "  journal = {arXiv preprint arXiv:2001.08361},\n"
        "  year = {2020},\n"
        "  eprint = {2001.08361},\n"
        "  archivePrefix = {arXiv},\n"
        "  url = {https://arxiv.org/abs/2001.08361}\n"
        "}\n"
    )


def test_a_conference_paper_is_inproceedings_and_a_paper_without_arxiv_id_has_no_eprint():
    entry = bibtex(PAPER | {"venue": "NeurIPS 2022", "arxiv_id": float("nan")})
    assert entry.startswith("@inproceedings{kaplan2020,\n") and "  booktitle = {NeurIPS 2022},\n" in entry
    assert "journal" not in entry and "eprint" not in entry and "archivePrefix" not in entry


def test_a_journal_paper_is_an_article_in_its_journal():
    entry = bibtex(PAPER | {"venue": "Transactions on Machine Learning Research"})
    assert entry.startswith("@article{kaplan2020,\n")
    assert "  journal = {Transactions on Machine Learning Research},\n" in entry


def test_authors_without_et_al_are_all_named():
    assert bibtex_authors("Margaret Li, Sneha Kudugunta, Luke Zettlemoyer") == (
        "Margaret Li and Sneha Kudugunta and Luke Zettlemoyer"
    )


def test_latex_specials_and_accents_are_escaped():
    assert latex_escape("50% of {a}_b & c#") == r"50\% of \{a\}\_b \& c\#"
    assert latex_escape("Maciej Pióro, Čech") == r"Maciej Pi{\'o}ro, {\v{C}}ech"
    entry = bibtex(PAPER | {"title": "Loss {and} 100% compute"})
    assert r"title = {{Loss \{and\} 100\% compute}}" in entry


def test_every_paper_in_the_store_gets_a_balanced_entry_keyed_by_its_id():
    papers = Store().papers()
    text = bibtex_all(papers.to_dict("records"))
    assert len(re.findall(r"^@(article|inproceedings)\{", text, flags=re.M)) == len(papers)
    for paper_id in papers["paper_id"]:
        assert re.search(rf"^@(article|inproceedings)\{{{paper_id},\n", text, flags=re.M), paper_id
    unescaped = text.replace(r"\{", "").replace(r"\}", "")
    assert unescaped.count("{") == unescaped.count("}")
