# weerbaar: two commands on a fresh clone.
#   make demo   set everything up, import the bundled sample lists, show status
#   make test   run the whole test suite (what CI runs)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_HOME ?= $(CURDIR)/var/demo

.PHONY: demo test setup lint bench clean

$(BIN)/weerbaar: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(BIN)/weerbaar

demo: setup
	rm -rf $(DEMO_HOME)
	$(BIN)/python tests/fixtures/generate.py
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists import tests/fixtures/sources/*/*
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists status
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists links
	@echo "Store: $(DEMO_HOME). Try: WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar entity unsc-9000001"

test: setup
	$(BIN)/python -m pytest -n 2 -q

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/import.py

clean:
	rm -rf $(VENV) var .pytest_cache
