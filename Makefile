# policy-graph — the two commands a fresh machine needs: `make demo`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test build viz serve bench install clean docs eval

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## build the graph from data/raw into data/ttl and data/store, draw viz/, then serve it
demo: build viz serve

build: $(STAMP)
	$(BIN)/policy-graph build data/raw --store data/store --ttl-dir data/ttl

viz: $(STAMP)
	$(BIN)/policy-graph viz examples --store data/store --out viz

serve: $(STAMP)
	$(BIN)/policy-graph serve --store data/store --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/python -m pytest -q

## score the parser against the gold annotations: the dev set, then the seeds
eval: $(STAMP)
	$(BIN)/policy-graph eval tests/corpus/dev/gold tests/corpus/dev/texts --no-misses
	$(BIN)/policy-graph eval tests/corpus/seeds/gold data/raw --no-misses

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

docs: $(STAMP)
	$(BIN)/python -m graph.ontology_docs

clean:
	rm -rf data/store build dist test-artifacts
