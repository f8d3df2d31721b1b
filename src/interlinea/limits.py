"""Limits on input, so that a huge or hostile file is refused with a message instead of ground through.

Conversion and validation run in time and memory proportional to the input (see bench/scaling.py);
the limit stops a mistaken input (a database dump in seeds/, a runaway generated file) early.
"""

from __future__ import annotations

import os

from interlinea.errors import InterlineaError

# A file larger than this is refused before it is read (INTERLINEA_MAX_INPUT_MB overrides it).
DEFAULT_MAX_INPUT_MB = 200


def max_input_bytes() -> int:
    """The size limit for one input file (seed or XML), in bytes."""
    value = os.environ.get("INTERLINEA_MAX_INPUT_MB", "")
    try:
        megabytes = float(value) if value.strip() else DEFAULT_MAX_INPUT_MB
    except ValueError:
        megabytes = -1
    if not megabytes > 0:
        raise InterlineaError(f"INTERLINEA_MAX_INPUT_MB={value!r} is not a size; give a number of megabytes, e.g. 500")
    return int(megabytes * 1024 * 1024)


def size_problem(size: int) -> str | None:
    """A message when a file is past the size limit, else None."""
    limit = max_input_bytes()
    if size <= limit:
        return None
    return (
        f"the file is {size / 1048576:.1f} MB, over the limit of {limit / 1048576:.0f} MB for one input file; "
        "split it, or raise the limit with the environment variable INTERLINEA_MAX_INPUT_MB"
    )
