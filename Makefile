# Two commands do all the set-up on a fresh machine (they create .venv when it is missing):
#   make lab    open the series in JupyterLab
#   make test   lint + unit tests + every notebook under nbval (what CI runs)

# The Python that creates .venv: PYTHON=... when given, else the first of python3,
# python3.13 … python3.10 that is a version the series supports (3.10 to 3.13).
supported = $(1) -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach p,python3 python3.13 python3.12 python3.11 python3.10,$(shell command -v $(p) >/dev/null 2>&1 && $(call supported,$(p)) && echo $(p))))
endif
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NO_PYTHON := The series needs Python 3.10, 3.11, 3.12 or 3.13 (TensorFlow 2.21 has wheels for those only), and make found none; install one (python.org, your system's packages or pyenv) and run make again, or name it: make $(or $(MAKECMDGOALS),test) PYTHON=/path/to/python3.13

NB ?= notebooks/[0-9]*.ipynb notebooks/solutions/[0-9]*.ipynb

.PHONY: lab test lint format unit notebooks numerics matrix hosted newest check-python execute-notebooks pretrained clean

$(STAMP): requirements.txt pyproject.toml scripts/setup_environment.py
	@if [ ! -x $(BIN)/python ]; then \
	  if [ -z "$(PYTHON)" ] || ! $(call supported,$(PYTHON)); then echo "$(NO_PYTHON)" >&2; exit 1; fi; \
	  $(PYTHON) -m venv $(VENV); \
	elif ! $(call supported,$(BIN)/python); then \
	  echo "$(VENV) was made with a Python the series does not support; delete it (rm -rf $(VENV)) and run make again." >&2; exit 1; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python scripts/setup_environment.py
	@touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/01_explore_the_data.ipynb

# Lint, then unit tests + every notebook under nbval (reverse order) in a fresh temporary
# copy of the repository, so no notebook can lean on another's leftovers (models/ etc.).
test: $(STAMP) lint
	$(BIN)/python scripts/test_in_fresh_copy.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/sync_saved_code.py --check
	$(BIN)/python scripts/sync_setup_cell.py --check

unit: $(STAMP)
	$(BIN)/pytest tests

# The other supported Pythons (CI runs this after make test): see scripts/python_matrix.sh.
matrix:
	scripts/python_matrix.sh

# Every notebook in a copy of Google Colab's stack (Python 3.13, tests/hosted/colab.txt), each
# set-up cell installing the series from a local stand-in for the published repository, offline
# (CI runs this after make test): see scripts/test_hosted_runtime.py.
hosted: $(STAMP)
	$(BIN)/python scripts/test_hosted_runtime.py

# Tomorrow's releases: the newest of every dependency the ranges in pyproject.toml allow, then
# the whole suite (not in CI; run it before a release and once a month: see the README).
newest:
	scripts/test_newest_releases.sh $(NEWEST_PYTHON)

# One of them, in its own environment: make check-python PYTHON=python3.13 VENV=.venv-3.13
check-python: $(STAMP)
	$(BIN)/pytest tests --deselect tests/test_drawing_pad_browser.py
	$(BIN)/python scripts/test_in_fresh_copy.py --here notebooks/01_explore_the_data.ipynb

# nbval in this working tree, in numbered order (quicker while editing one notebook: NB=...)
notebooks: $(STAMP)
	$(BIN)/python scripts/test_in_fresh_copy.py --here $(NB)

# Run the notebooks under other numerics (1 and 8 threads, oneDNN on and off) and list the
# cells whose compared outputs differ (NB=... for some notebooks).
numerics: $(STAMP)
	$(BIN)/python scripts/check_numerics.py $(NB)

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/python scripts/sync_saved_code.py
	$(BIN)/python scripts/sync_setup_cell.py

# For maintainers after a change: re-run every notebook top to bottom in a fresh
# kernel and save its outputs in place (NB=notebooks/03_*.ipynb for one).
execute-notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

# Retrain the networks committed under pretrained/ (with their logs), from helpers.training's
# recipes: the reference copies of notebooks 02 and 05 (1 min on a 2-core CPU), five BN CNNs
# (59 min) and five dropout CNNs (40 min).
pretrained: $(STAMP)
	$(BIN)/python scripts/train_pretrained.py reference
	$(BIN)/python scripts/train_pretrained.py members bn_cnn
	$(BIN)/python scripts/train_pretrained.py members dropout_cnn

clean:
	rm -rf .pytest_cache .ruff_cache models notebooks/models
