# Dotterel: `make demo` sets up .venv and runs the demo; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench fuzz install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dotterel demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

# The full fuzz corpus (10,000 malformed and adversarial files) read and ingested.
fuzz: $(STAMP)
	rm -rf .fuzz && $(BIN)/python -m tests.fuzz.corpus .fuzz/corpus 10000
	$(BIN)/dotterel ingest .fuzz/corpus --db .fuzz/fuzz.duckdb --quiet; test $$? -le 1
	$(BIN)/python -c "from dotterel.store import DuckDBStore; print(DuckDBStore('.fuzz/fuzz.duckdb', read_only=True).counts())"
	$(BIN)/python -m tests.fuzz.corpus --check .fuzz/corpus .fuzz/fuzz.duckdb

clean:
	rm -rf $(VENV) dotterel.duckdb

# kill -9 at 5 random points of a 1,000-document ingest; time per KB from 10 KB to 5 MB.
.PHONY: bench-reliability
bench-reliability: $(STAMP)
	$(BIN)/python benchmarks/bench_crash.py --docs 1000 --kills 5
	$(BIN)/python benchmarks/bench_long.py
