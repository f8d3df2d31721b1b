"""Where the stylesheets and schemas are, whether installed from a wheel or run from a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_root() -> Path:
    """The folder holding `xslt/` and `schema/`.

    A wheel carries them in `interlinea/data/` (see pyproject.toml); an editable install or a
    checkout finds them at the top of the repository, two levels above this file.
    """
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "schema").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def schema_path(*parts: str) -> Path:
    return data_root().joinpath("schema", *parts)


def xslt_path(*parts: str) -> Path:
    return data_root().joinpath("xslt", *parts)
