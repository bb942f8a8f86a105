# Two doors: `make lab` for learners, `make teach` for teachers; `make test` for developers.
# Each creates its environment when it is missing and reinstalls when pyproject.toml changed.
# Learners get their own environment (.venv-lab: medialit and JupyterLab, no test tools, no
# nbgrader) and their own copies of the lessons (my-lessons/, git-ignored).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.medialit-installed
LAB_VENV ?= .venv-lab
LAB_STAMP := $(LAB_VENV)/.medialit-installed
# Learners work in their own copies; a rebuild adds missing lessons and keeps edited ones.
LEARNER_DIR ?= my-lessons
TEACHER_DIR ?= teacher-lessons
FIRST_LESSON := 00_start_here.ipynb
# Lessons write their progress here during tests, never into the user's home.
TEST_HOME := $(CURDIR)/.test-home

.PHONY: help install lab learner-copies teach test test-py test-notebooks lint bench release \
	test-browser lesson-times clean

help:
	@echo "make lab    - learners: your own copies of the lessons in $(LEARNER_DIR)/, opened in JupyterLab"
	@echo "make teach  - teachers: the lessons with model answers (copies in $(TEACHER_DIR)/)"
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

$(LAB_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "medialit needs Python 3.10 or newer; set PYTHON=python3.x"; exit 1; }
	test -x $(LAB_VENV)/bin/python || $(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LAB_VENV)/bin/python -m pip install --quiet -e ".[lab]"
	touch $(LAB_STAMP)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Learner copies: no model answers, no outputs, no "Show answer", no nbgrader metadata.
learner-copies: $(LAB_STAMP)
	$(LAB_VENV)/bin/medialit release --out $(LEARNER_DIR) --keep-edited

lab: learner-copies
	cd $(LEARNER_DIR) && $(CURDIR)/$(LAB_VENV)/bin/jupyter lab $(ROOT_FLAG) $(FIRST_LESSON)

# Teachers open copies of notebooks/ too, so answering an exercise never changes a tracked file.
teach: $(STAMP)
	mkdir -p $(TEACHER_DIR)
	for nb in notebooks/*.ipynb; do \
	  test -e $(TEACHER_DIR)/$$(basename $$nb) || cp $$nb $(TEACHER_DIR)/; done
	cd $(TEACHER_DIR) && $(CURDIR)/$(VENV)/bin/jupyter lab $(ROOT_FLAG) $(FIRST_LESSON)

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

# How long each lesson's "Run All" takes (target: under 3 s each).
lesson-times: $(STAMP)
	MPLBACKEND=Agg $(PY) benchmarks/lesson_times.py

bench: $(STAMP)
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/eval_attribution.py
	$(PY) benchmarks/agreement.py
	$(PY) benchmarks/eval_hedges.py
	$(PY) benchmarks/eval_pages.py
	$(PY) benchmarks/worst_case.py

release: $(STAMP)
	$(VENV)/bin/medialit release --out release

clean:
	rm -rf $(VENV) $(LAB_VENV) $(TEST_HOME) build dist .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
