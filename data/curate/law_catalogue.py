"""Write the law catalogue: data/laws/<paper_id>.csv and data/coefficients/<paper_id>.csv, one
pair per module of data/curate/catalogue (see its docstring for what a module holds).

Run from the project root:  python -m data.curate.law_catalogue
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from data.curate import catalogue
from data.curate._common import law_tables, write_law_files


def catalogue_modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(catalogue.__path__) if not info.name.startswith("_"))
    return [importlib.import_module(f"{catalogue.__name__}.{name}") for name in names]


def paper_specs(module: ModuleType) -> list[dict]:
    """The module's law specs; every one must belong to the paper the module is named after."""
    paper_id = module.__name__.rsplit(".", 1)[1]
    specs = module.laws() if callable(getattr(module, "laws", None)) else module.LAWS
    strays = sorted(spec["law_id"] for spec in specs if spec["paper_id"] != paper_id)
    if strays:
        raise ValueError(f"catalogue/{paper_id}.py holds laws of other papers: {strays}")
    if not specs:
        raise ValueError(f"catalogue/{paper_id}.py holds no law")
    return specs


def write_paper(module: ModuleType) -> None:
    paper_id = module.__name__.rsplit(".", 1)[1]
    laws, coefficients = law_tables(paper_specs(module))
    paper = getattr(module, "PAPER", None)
    write_law_files(paper_id, laws, coefficients, [paper] if paper else ())


def main() -> None:
    for module in catalogue_modules():
        write_paper(module)


if __name__ == "__main__":
    main()
