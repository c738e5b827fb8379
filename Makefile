# Two commands do the whole set-up on a fresh machine (Python >= 3.10 and a C compiler):
#   make briefing   install, then brief examples/ on the embedded model
#   make test       install, then run the test suite (what CI runs)
#
# The llama.cpp engine is built from source for this CPU without -march=native (whose AMX
# kernels crash on Intel Sapphire Rapids): scripts/engine_cmake_args.py picks the flags.
# Override them with  make engine ENGINE_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON ..."
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
ENGINE_VERSION := 0.3.36
export ENGINE_CMAKE_ARGS
ENGINE_FLAGS := $(shell $(PYTHON) scripts/engine_cmake_args.py)
ENGINE := $(VENV)/.engine-$(shell echo '$(ENGINE_VERSION) $(ENGINE_FLAGS)' | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
APT_PACKAGES := apertium-isl-eng
# the browser tests of the daily site (they skip without it)
TEST_APT_PACKAGES := chromium

# Never from pip's wheel cache: a wheel built on another CPU may not run on this one.
$(ENGINE): scripts/engine_cmake_args.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	CMAKE_ARGS="$(ENGINE_FLAGS)" CMAKE_BUILD_PARALLEL_LEVEL="$$(nproc)" \
		$(BIN)/python -m pip install --quiet --no-cache-dir --force-reinstall --no-deps \
		--no-binary llama-cpp-python llama-cpp-python==$(ENGINE_VERSION)
	rm -f $(VENV)/.engine-* && touch $@

$(STAMP): pyproject.toml constraints.txt $(ENGINE)
	@$(MAKE) --no-print-directory system-deps
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[embedded,server,dev]'
	rm -f $(VENV)/.installed-* && touch $@

.PHONY: install engine system-deps lock briefing test evals injection-full checker-full checker-fit fuzz bench lint
install: $(STAMP)

engine: $(ENGINE)

# Debian packages the language tools and the browser tests need (root installs them;
# others are told how).
system-deps:
	@apertium -l 2>/dev/null | grep -qx '[[:space:]]*isl-eng' || \
	{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq $(APT_PACKAGES); } || \
	{ echo "error: briefing needs Debian's $(APT_PACKAGES): sudo apt-get install -y $(APT_PACKAGES)" >&2; exit 1; }
	@command -v chromium >/dev/null || \
	{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq $(TEST_APT_PACKAGES); } || \
	echo "note: the browser tests skip without Debian's chromium: sudo apt-get install -y $(TEST_APT_PACKAGES)" >&2

# Rewrite constraints.txt from what is installed now (after changing a dependency).
lock: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable \
		| sed 's/^llama[-_]cpp[-_]python @ .*/llama-cpp-python==$(ENGINE_VERSION)/'; } > constraints.tmp
	mv constraints.tmp constraints.txt

briefing: $(STAMP)
	$(BIN)/briefing generate examples/ -o briefing.md --json briefing.json
	@echo "wrote briefing.md and briefing.json"

test: $(STAMP)
	$(BIN)/python -m pytest

evals: $(STAMP)
	mkdir -p reports
	$(BIN)/briefing eval run evals --report-json reports/evals.json --junit reports/evals.xml
	$(BIN)/briefing eval kinds --min-accuracy 0.80 --min-actors 0.80 --report-json reports/kinds.json

# Slow on the embedded model, so CI runs a slice of each; these run them in full.
injection-full: $(STAMP)
	mkdir -p reports
	$(BIN)/briefing eval injection --model embedded --json reports/injection.json

# The checker on its held-out labelled claims (features kept, so a re-run only rescores),
# and on the eval cases' perturbed points.
checker-full: $(STAMP)
	mkdir -p reports
	$(BIN)/briefing eval checker --features-dir evals/checker/features --report-json reports/checker.json
	$(BIN)/briefing eval perturb evals/cases --checker --json reports/perturb.json

# Refit the checker's weights (briefing/check/checker.json) on the fit files only.
checker-fit: $(STAMP)
	$(BIN)/python evals/checker/fit.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=full $(BIN)/python -m pytest -q tests/test_fuzz_ingest.py tests/test_fuzz_pipeline.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_generate.py examples
	$(BIN)/python benchmarks/bench_rerun.py examples
	$(BIN)/python benchmarks/bench_generate.py ../shared/samples/alaska-summit

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
