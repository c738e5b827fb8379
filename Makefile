# Two commands do the whole set-up on a fresh machine (Python >= 3.10 and a C compiler):
#   make briefing   install, then brief examples/ on the embedded model
#   make test       install, then run the test suite (what CI runs)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[embedded,server,dev]'
	rm -f $(VENV)/.installed-* && touch $@

.PHONY: install briefing test evals bench lint
install: $(STAMP)

briefing: $(STAMP)
	$(BIN)/briefing generate examples/ -o briefing.md --json briefing.json
	@echo "wrote briefing.md and briefing.json"

test: $(STAMP)
	$(BIN)/python -m pytest

evals: $(STAMP)
	mkdir -p reports
	$(BIN)/briefing eval run evals --report-json reports/evals.json --junit reports/evals.xml

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_generate.py examples
	$(BIN)/python benchmarks/bench_generate.py ../shared/samples/alaska-summit

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
