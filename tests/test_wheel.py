"""The stylesheets and schemas travel inside the wheel, so a normal `pip install .` finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("interlinea-*.whl")
    return path


@pytest.mark.slow
def test_wheel_contains_schemas_and_stylesheets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "interlinea/data/schema/tei_all/tei_all.rng" in names
    assert any(n.startswith("interlinea/data/xslt/") for n in names)
    assert "interlinea/cli.py" in names


@pytest.mark.slow
def test_installed_wheel_validates_without_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import interlinea, interlinea.resources as r; "
        "print(interlinea.__file__); print(r.schema_path('tei_all', 'tei_all.rng'))"
    )
    shown = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    module_file, schema = shown.stdout.split()
    assert module_file.startswith(str(target)) and schema.startswith(str(target)) and Path(schema).is_file()
    result = subprocess.run(
        [sys.executable, "-m", "interlinea", "validate", str(ROOT / "tei" / "organise-en.xml")],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("1 file, 0 errors, 0 warnings")
