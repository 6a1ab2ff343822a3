"""The catalogue of published laws: one module per paper, named by its paper_id.

Each module holds what its paper prints and nothing else:
- `LAWS`: a list of law specs (a LAWS row plus `coefs`, as `data.curate._common.law_tables`
  reads them), or a function `laws()` returning that list when the coefficients are read from
  the paper's own release rather than transcribed;
- `PAPER` (optional): the paper's row, when data/papers.csv does not hold it yet.

`python -m data.curate.law_catalogue` writes data/laws/<paper_id>.csv and
data/coefficients/<paper_id>.csv for every module.
"""
