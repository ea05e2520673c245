# Two commands do all the set-up on a fresh machine (they create .venv when it is missing):
#   make lab    open the series in JupyterLab
#   make test   lint + unit tests + every notebook under nbval (what CI runs)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Silence TensorFlow's C++ start-up noise for every kernel (too late inside a notebook).
export TF_CPP_MIN_LOG_LEVEL  := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export PYTHONHASHSEED        := 0

NB ?= notebooks/[0-9]*.ipynb

.PHONY: lab test lint format unit notebooks execute-notebooks pretrained clean

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
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

unit: $(STAMP)
	$(BIN)/pytest tests

# nbval in this working tree, in numbered order (quicker while editing one notebook: NB=...)
notebooks: $(STAMP)
	$(BIN)/python scripts/test_in_fresh_copy.py --here $(NB)

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# For maintainers after a change: re-run every notebook top to bottom in a fresh
# kernel and save its outputs in place (NB=notebooks/03_*.ipynb for one).
execute-notebooks: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NB)

# Retrain the networks notebook 06 loads (committed under pretrained/, with their training logs):
# five BN CNNs (59 min measured on a 2-core CPU) and five dropout CNNs (40 min).
# The script turns on TensorFlow's oneDNN.
pretrained: $(STAMP)
	$(BIN)/python scripts/train_pushing_accuracy.py --family bn_cnn --out pretrained
	$(BIN)/python scripts/train_pushing_accuracy.py --family dropout_cnn --out pretrained

clean:
	rm -rf .pytest_cache .ruff_cache models
