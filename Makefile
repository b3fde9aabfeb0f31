# vanban — `make run` to see the corpus in Datasette, `make test` to check everything.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/vanban.db
PORT   ?= 8001
INBOX  ?= inbox

.PHONY: install system-deps run ingest serve watch reindex status lint typecheck test bench score score-update corpus clean

install: $(BIN)/vanban

# The venv is rebuilt when pyproject.toml changes; the install is editable.
$(BIN)/vanban: pyproject.toml
	@scripts/system-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-binary tesserocr -e '.[ocr]' || echo "vanban: tesserocr not built; OCR runs the tesseract command instead" >&2
	@touch $@

system-deps:
	@scripts/system-deps.sh test

# Ingest the bundled corpus (unchanged files are skipped), then serve it.
run: ingest serve

ingest: install
	@mkdir -p $(dir $(DB))
	$(BIN)/vanban ingest corpus --db $(DB)

serve: install
	$(BIN)/vanban serve --db $(DB) --port $(PORT)

watch: install
	@mkdir -p $(INBOX)
	$(BIN)/vanban watch $(INBOX) --db $(DB)

reindex: install
	$(BIN)/vanban reindex --db $(DB)

status: install
	$(BIN)/vanban status --db $(DB) --inbox $(INBOX)

# Lint and formatting (ruff, settings in pyproject.toml), as checked before each commit.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The public API (vanban/__init__.py and the types it exposes) through mypy: scripts/typecheck.py.
typecheck: install
	$(BIN)/python scripts/typecheck.py

test: install system-deps lint typecheck
	$(BIN)/python -m pytest -q -ra

bench: install
	$(BIN)/python scripts/bench.py

# The per-document scoreboard of the dev gold, with gains and losses against bench/scoreboard.json.
score: install
	$(BIN)/python scripts/score.py

# … and record it (commit bench/scoreboard.json with the change that moved it).
score-update: install
	$(BIN)/python scripts/score.py --update

corpus: install
	$(BIN)/python scripts/make_corpus.py

clean:
	rm -rf $(VENV) data build *.egg-info tests/artifacts
