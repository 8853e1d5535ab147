# One entry point for people and CI. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve build test lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pinned dependencies

serve: $(STAMP) ## Set up, then serve both languages at http://127.0.0.1:8000 with live reload
	$(BIN)/python -m scripts.serve

build: $(STAMP) ## Build both languages into site/ (strict)
	$(BIN)/python -m scripts.build

test: $(STAMP) ## Set up, lint, build both languages strictly, and run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m scripts.build
	$(BIN)/python -m pytest

lint: $(STAMP) ## Check the Python code with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache .pytest_cache
