# Two commands do everything: `make lab` and `make test`.
# Both create .venv when it is missing and reinstall when pyproject.toml changed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.medialit-installed
FIRST_LESSON := notebooks/00_start_here.ipynb
# Lessons write their progress here during tests, never into the user's home.
TEST_HOME := $(CURDIR)/.test-home

.PHONY: help install lab test test-py test-notebooks lint bench release test-browser clean

help:
	@echo "make lab    - set up .venv and open JupyterLab on the first lesson"
	@echo "make test   - set up .venv and run every test and notebook"
	@echo "make bench  - speed and accuracy benchmarks (reads ../shared where present)"
	@echo "make test-browser - open every lesson in JupyterLab with headless Chromium"
	@echo "make release - write student versions of the lessons into release/"
	@echo "make clean  - remove .venv, caches and build files"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "medialit needs Python 3.10 or newer; set PYTHON=python3.x"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[lab,test]"
	touch $(STAMP)

install: $(STAMP)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) $(FIRST_LESSON)

lint: $(STAMP)
	$(PY) -m ruff check .

test: $(STAMP) lint
	rm -rf $(TEST_HOME)
	MEDIALIT_HOME=$(TEST_HOME) MPLBACKEND=Agg $(PY) -m pytest tests notebooks \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout=120

test-py: $(STAMP)
	MEDIALIT_HOME=$(TEST_HOME) MPLBACKEND=Agg $(PY) -m pytest tests

test-notebooks: $(STAMP)
	rm -rf $(TEST_HOME)
	MEDIALIT_HOME=$(TEST_HOME) MPLBACKEND=Agg $(PY) -m pytest notebooks \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

test-browser: $(STAMP)
	$(PY) -m pytest tests/browser

bench: $(STAMP)
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/eval_attribution.py
	$(PY) benchmarks/eval_hedges.py
	$(PY) benchmarks/eval_pages.py
	$(PY) benchmarks/worst_case.py

release: $(STAMP)
	$(VENV)/bin/medialit release --out release

clean:
	rm -rf $(VENV) $(TEST_HOME) build dist .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
