# One entry point for people and CI. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Tests run in parallel workers (one per core), each with its own Chromium; the site is built once and shared
# by them (tests/shared.py).
WORKERS ?= 2
# The fast layers (no site build, no browser): unit, data and render.
FAST := tests/unit tests/data tests/render
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help setup serve build test test-fast lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) \
	  | awk -F':.*## ' -v port=$(PORT) '{gsub(/\$$\(PORT\)/, port, $$2); printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@echo "== setup 1/3: creating $(VENV) with $$($(PYTHON) --version)"
	@$(PYTHON) -m venv $(VENV)
	@echo "== setup 2/3: installing the pinned packages of requirements.txt (about a minute the first time)"
	@set -o pipefail; $(BIN)/pip install --disable-pip-version-check --progress-bar off -r requirements.txt 2>&1 \
	  | awk '/^(Collecting|Successfully|ERROR)/ || /rror/ {print "   " $$0; fflush()}'
	@$(BIN)/pip check --disable-pip-version-check >/dev/null
	@echo "== setup 3/3: installing the guide package (guide/) in editable mode"
	@# with the pinned setuptools just installed: no isolated build env (a second pip run, and setuptools again)
	@set -o pipefail; $(BIN)/pip install --disable-pip-version-check --no-deps --no-build-isolation --quiet -e . 2>&1 \
	  | awk '!/is ignored/'
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pinned dependencies and the guide package

serve: $(STAMP) ## Set up, then serve both languages at http://127.0.0.1:$(PORT) with live reload (PORT=8001 for another)
	@$(BIN)/python -m scripts.serve --port $(PORT)

build: $(STAMP) ## Build both languages into site/ (strict)
	$(BIN)/python -m scripts.build

test: $(STAMP) ## Set up, lint, and run every test (the site is built strictly, once, by the tests)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(WORKERS)

test-fast: $(STAMP) ## Run the fast layers only (unit, data, render: no build, no browser), for edits
	$(BIN)/python -m pytest $(FAST)

lint: $(STAMP) ## Check the Python code with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache .pytest_cache .site-new-* .site-old
