# Two commands do the whole set-up on a fresh machine (Python >= 3.10 and a C compiler):
#   make briefing   install the tool, then brief examples/ on the embedded model
#   make test       install the tool and the dev tools, then run the test suite (what CI runs)
# Both install at the versions of constraints.txt, exported from uv.lock (make lock).
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
INPUTS := $(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
# the user's install (the embedded extra), and the dev tools and server extra beside it
STAMP := $(VENV)/.installed-$(INPUTS)
DEV_STAMP := $(VENV)/.installed-dev-$(INPUTS)
APT_PACKAGES := apertium-isl-eng
# the browser tests of the daily site (they skip without it)
TEST_APT_PACKAGES := chromium
# `make pythons`: the oldest and newest Python the lock covers, each in its own venv, on
# the fast suite or on the test files named in PYTHON_TESTS (CI's slice)
PYTHONS ?= python3.10 python3.13
PYTHON_TESTS ?=

# Never from pip's wheel cache: a wheel built on another CPU may not run on this one.
$(ENGINE): scripts/engine_cmake_args.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	CMAKE_ARGS="$(ENGINE_FLAGS)" CMAKE_BUILD_PARALLEL_LEVEL="$$(nproc)" \
		$(BIN)/python -m pip install --quiet --no-cache-dir --force-reinstall --no-deps \
		--no-binary llama-cpp-python llama-cpp-python==$(ENGINE_VERSION)
	rm -f $(VENV)/.engine-* && touch $@

$(STAMP): pyproject.toml constraints.txt $(ENGINE)
	@$(MAKE) --no-print-directory system-deps
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[embedded]'
	rm -f $(VENV)/.installed-* && touch $@

$(DEV_STAMP): $(STAMP)
	@$(MAKE) --no-print-directory test-system-deps
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[embedded,server,dev]'
	touch $@

.PHONY: install dev engine system-deps test-system-deps lock pythons briefing test evals injection-full checker-full checker-fit fuzz bench lint
install: $(STAMP)

dev: $(DEV_STAMP)

engine: $(ENGINE)

# Debian packages the language tools need (root installs them; others are told how).
system-deps:
	@apertium -l 2>/dev/null | grep -qx '[[:space:]]*isl-eng' || \
	{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq $(APT_PACKAGES); } || \
	{ echo "error: briefing needs Debian's $(APT_PACKAGES): sudo apt-get install -y $(APT_PACKAGES)" >&2; exit 1; }

# ... and the browser tests.
test-system-deps:
	@command -v chromium >/dev/null || \
	{ [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq $(TEST_APT_PACKAGES); } || \
	echo "note: the browser tests skip without Debian's chromium: sudo apt-get install -y $(TEST_APT_PACKAGES)" >&2

# After changing a dependency: resolve uv.lock for Python 3.10-3.13 on x86-64 Linux (the
# versions locked before are kept where they still fit), and export constraints.txt from it.
lock: $(DEV_STAMP)
	$(BIN)/uv lock
	{ sed -n '1,2p' constraints.txt; $(BIN)/uv export --frozen --format requirements-txt \
		--all-extras --no-emit-project --no-hashes --no-annotate --no-header; } > constraints.tmp
	mv constraints.tmp constraints.txt

# The fast suite on the oldest and newest Python the lock covers, each in a fresh venv of
# its own (.venv-pythonX.Y), without the embedded extra: no engine build, no model.
pythons:
	@for py in $(PYTHONS); do \
		v=.venv-$$(basename $$py); \
		$$py -m venv --clear $$v && \
		$$v/bin/python -m pip install --quiet -c constraints.txt -e '.[dev]' && \
		BRIEFING_SKIP_EMBEDDED=1 $$v/bin/python -m pytest -q -p no:cacheprovider \
			-m "not embedded and not server" $(PYTHON_TESTS) || exit 1; \
	done

briefing: $(STAMP)
	$(BIN)/briefing generate examples/ -o briefing.md --json briefing.json
	@echo "wrote briefing.md and briefing.json"

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

evals: $(STAMP)
	mkdir -p reports
	$(BIN)/briefing eval run evals --report-json reports/evals.json --junit reports/evals.xml
	$(BIN)/briefing eval kinds --min-accuracy 0.85 --min-actors 0.90 --report-json reports/kinds.json
	$(BIN)/briefing eval glossed --min-true 0.78 --max-corrupted 0.07 --report-json reports/glossed.json

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

fuzz: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=full $(BIN)/python -m pytest -q tests/test_fuzz_ingest.py tests/test_fuzz_pipeline.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_generate.py examples
	$(BIN)/python benchmarks/bench_rerun.py examples
	$(BIN)/python benchmarks/bench_generate.py ../shared/samples/alaska-summit

lint: $(DEV_STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
