# Two commands do all the set-up on a fresh machine (they create .venv when it is missing):
#   make lab    open the series in JupyterLab
#   make test   lint + unit tests + every notebook under nbval (what CI runs)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

NBVAL_FLAGS := --nbval --nbval-current-env --nbval-cell-timeout=900 \
               --nbval-sanitize-with tests/nbval_sanitize.cfg

# Silence TensorFlow's C++ start-up noise for every kernel (too late inside a notebook).
export TF_CPP_MIN_LOG_LEVEL  := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export PYTHONHASHSEED        := 0

.PHONY: lab test lint format unit notebooks execute-notebooks clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/01_explore_the_data.ipynb

test: $(STAMP) lint
	$(BIN)/pytest tests notebooks $(NBVAL_FLAGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/pytest tests

notebooks: $(STAMP)
	$(BIN)/pytest notebooks $(NBVAL_FLAGS)

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# For maintainers after a change: re-run every notebook top to bottom in a fresh
# kernel and save its outputs in place (NB=notebooks/03_*.ipynb for one).
NB ?= notebooks/[0-9]*.ipynb
execute-notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

clean:
	rm -rf .pytest_cache .ruff_cache models
