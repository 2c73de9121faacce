# weerbaar: two commands on a fresh clone.
#   make demo   set everything up, import the bundled sample lists, show status
#   make test   run the whole test suite (what CI runs)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_HOME ?= $(CURDIR)/var/demo
DEMO_PASSWORD ?= demo-password-1
# this machine's pip configuration names mirror folders that may be absent
QUIET_PIP := 2>&1 | { grep -v '^WARNING: Location' || true; }

.PHONY: demo test setup lint bench fixtures clean

$(BIN)/weerbaar: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip $(QUIET_PIP)
	$(BIN)/pip install --quiet -e '.[dev]' $(QUIET_PIP)
	@touch $@

setup: $(BIN)/weerbaar

demo: setup
	rm -rf $(DEMO_HOME)
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists import tests/fixtures/lists/*/*
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists status
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar lists links
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar entity unsc-9000001
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar match "Kim Cheol Ung" --birth-date 1968
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar screen tests/fixtures/customers/customers.csv -o $(DEMO_HOME)/results.csv
	WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar users add demo@weerbaar.local --role admin --language en --password $(DEMO_PASSWORD)
	@echo "Demo store: $(DEMO_HOME). Explore it with: export WEERBAAR_HOME=$(DEMO_HOME); $(BIN)/weerbaar --help"
	@echo "Web UI and API: WEERBAAR_HOME=$(DEMO_HOME) $(BIN)/weerbaar serve, then open http://127.0.0.1:8000 and log in as demo@weerbaar.local / $(DEMO_PASSWORD)"

# The database tests run on PostgreSQL (installed and started by
# scripts/test-postgres.sh) unless WEERBAAR_TEST_DATABASE_URL is already set;
# without root or sudo they fall back to SQLite (CI fails instead).
test: setup
	@if [ -z "$${WEERBAAR_TEST_DATABASE_URL:-}" ]; then \
	  url=$$(timeout 900 scripts/test-postgres.sh) || url=""; \
	else url=$$WEERBAAR_TEST_DATABASE_URL; fi; \
	echo "database tests on: $${url:-SQLite}"; \
	WEERBAAR_TEST_DATABASE_URL=$$url $(BIN)/python -m pytest -n 2 -q

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

bench: setup
	$(BIN)/pip install --quiet -e '.[dev,bench]' $(QUIET_PIP)
	$(BIN)/python benchmarks/import.py
	$(BIN)/python benchmarks/matching.py
	$(BIN)/python benchmarks/screening.py

fixtures: setup
	$(BIN)/python tests/fixtures/generate.py

clean:
	rm -rf $(VENV) var .pytest_cache
