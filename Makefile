# policy-graph — the two commands a fresh machine needs: `make demo`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test build viz serve bench install clean docs eval system-packages reader-packages wheel-check fuzz lint

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## the package is installed editable: its bytecode is written here, where an interpreter told not to write
## any (PYTHONDONTWRITEBYTECODE) would compile every module at each start (0.12 s of the fork server's)
install: reader-packages $(STAMP)
	$(BIN)/python -m compileall -q src >/dev/null

## Debian packages the readers use: Tesseract and its Vietnamese model (OCR of scanned PDFs),
## antiword (.doc); apt-get when root, otherwise one line saying what to run (build then names
## each scan it had to skip).
READER_PACKAGES := tesseract-ocr tesseract-ocr-vie antiword
reader-packages:
	@missing=""; for p in $(READER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian packages:$$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "missing Debian packages:$$missing — scanned PDFs need OCR, .doc files antiword; run: sudo apt-get install$$missing"; fi

## Debian packages the tests need (Chromium drives the browser tests); apt-get when root,
## otherwise one line saying what to run. PG_SKIP_BROWSER=1 skips the browser tests instead.
SYSTEM_PACKAGES := chromium fonts-dejavu-core
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ] || [ "$$PG_SKIP_BROWSER" = 1 ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian packages:$$missing"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "missing Debian packages:$$missing — run: sudo apt-get install$$missing (or PG_SKIP_BROWSER=1 make test)"; exit 1; fi

## build the graph from data/raw into data/ttl and data/store, draw viz/, then serve it
demo: build viz serve

build: reader-packages $(STAMP)
	$(BIN)/policy-graph build data/raw --store data/store --ttl-dir data/ttl

viz: $(STAMP)
	$(BIN)/policy-graph viz examples --store data/store --out viz

serve: $(STAMP)
	$(BIN)/policy-graph serve --store data/store --host 127.0.0.1 --port 8000

test: $(STAMP) system-packages reader-packages
	$(BIN)/python -m pytest -q

## ruff (lint and format) and mypy, configured in pyproject.toml
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## score the parser against the gold annotations: the dev set, then the seeds
eval: $(STAMP)
	$(BIN)/policy-graph eval tests/corpus/dev/gold tests/corpus/dev/texts --no-misses --title "dev (corpus gold)"
	$(BIN)/policy-graph eval tests/corpus/seeds/gold data/raw --no-misses --title "seeds (corpus gold)"
	$(BIN)/policy-graph eval tests/corpus/holdout/gold tests/corpus/holdout/texts --no-misses --title "holdout (project annotations)"
	$(BIN)/policy-graph eval tests/corpus/holdout2/gold tests/corpus/holdout2/texts --no-misses --title "holdout 2 (stop 15, project annotations)"
	$(BIN)/policy-graph eval tests/corpus/holdout3/gold tests/corpus/holdout3/texts --no-misses --title "holdout 3 (stop 16, project annotations)"
	$(BIN)/policy-graph eval tests/corpus/holdout4/gold tests/corpus/holdout4/texts --no-misses --title "holdout 4 (stop 17, project annotations)"
	$(BIN)/policy-graph eval tests/corpus/holdout5/gold tests/corpus/holdout5/texts --no-misses --title "holdout 5 (stop 18, project annotations)"
	$(BIN)/policy-graph eval tests/corpus/holdout6/gold tests/corpus/holdout6/texts --no-misses --title "holdout 6 (stop 19, project annotations)"

## the wheel, installed into a fresh venv, answers outside the checkout
wheel-check: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_wheel.py

## the benchmarks (benchmarks/run.py): build speed, every query's latency in-process, through the CLI,
## pyoxigraph and rdflib, synthetic corpora 1× and 10×, the endpoint against the Oxigraph server; tables
## on stdout, figures in benchmarks/results.json.  Long (≈ 1 h on 2 cores): nice it; a subset with
## make bench BENCH_ARGS="--only queries,server"; 100× with BENCH_ARGS=--huge
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

## long fuzzing of the reader and the parser (tests/test_fuzz.py): FUZZ_JOBS processes, each with
## FUZZ_INPUTS inputs shared among the properties (test_fuzz.SHARES) and run in FUZZ_ROUNDS rounds,
## each round with its own seed (FUZZ_SEED + 1000 × job + round) and its Hypothesis counts appended to
## test-artifacts/fuzz-N.log as it ends (a run stopped early keeps the rounds it finished).  Long: run
## it under nice, e.g. nice -n 19 make fuzz FUZZ_JOBS=1 FUZZ_INPUTS=1000000
FUZZ_JOBS ?= 1
FUZZ_INPUTS ?= 1000000
FUZZ_ROUNDS ?= 20
FUZZ_SEED ?= 0
fuzz: $(STAMP)
	@mkdir -p test-artifacts; status=0; pids=""; \
	for i in $$(seq 1 $(FUZZ_JOBS)); do \
	  ( : > test-artifacts/fuzz-$$i.log; failed=0; \
	    for r in $$(seq 1 $(FUZZ_ROUNDS)); do \
	      HYPOTHESIS_PROFILE=fuzz FUZZ_INPUTS=$$(( $(FUZZ_INPUTS) / $(FUZZ_ROUNDS) )) $(BIN)/python -m pytest -q \
	        -p no:cacheprovider tests/test_fuzz.py --hypothesis-seed=$$(( $(FUZZ_SEED) + 1000 * i + r )) \
	        --hypothesis-show-statistics >> test-artifacts/fuzz-$$i.log 2>&1 || failed=1; \
	    done; exit $$failed ) & pids="$$pids $$!"; \
	done; \
	for pid in $$pids; do wait $$pid || status=1; done; \
	grep -h " passed\| failed" test-artifacts/fuzz-*.log; \
	awk '/ passing, / {n += $$2} / [1-9][0-9]* failing/ {f += $$4} END {print n " inputs passing in all, " f + 0 " failing"}' \
	  test-artifacts/fuzz-*.log; exit $$status

docs: $(STAMP)
	$(BIN)/python -m graph.ontology_docs

clean:
	rm -rf data/store build dist test-artifacts
