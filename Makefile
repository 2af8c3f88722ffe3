# Two commands do everything on a fresh machine:
#   make run    - set up, then extract the seeds with the embedded local model
#   make test   - set up, then lint, type-check, check import contracts and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out/seeds.jsonl
# llama.cpp is compiled for the CPU level this machine reports in /proc/cpuinfo, never with
# -march=native and never with AMX: a native build on a CPU that reports AVX-512/AMX crashed with
# a general protection fault in libggml-cpu at the first generated token (seen on this project's
# machines, Dec 2026). AVX-512 (with VNNI/VBMI/BF16 where reported) and no AMX runs there and reads
# prompts ~1.4x faster than the AVX2 build (92 against 64 tokens/s, bench/llama_speed.py); a CPU
# without AVX-512 gets the portable AVX2/FMA/F16C build. The llama.cpp wheel is built without pip's
# wheel cache, so a build made for other flags is never reused.
cpu_has = $(if $(shell grep -qw $(1) /proc/cpuinfo 2>/dev/null && echo y),ON,OFF)
LLAMA_AVX512 ?= $(if $(filter ON,$(call cpu_has,avx512f)),$(if $(filter ON,$(call cpu_has,avx512bw)),$(if $(filter ON,$(call cpu_has,avx512vl)),ON,OFF),OFF),OFF)
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=$(LLAMA_AVX512) \
	-DGGML_AVX512_VNNI=$(if $(filter ON,$(LLAMA_AVX512)),$(call cpu_has,avx512_vnni),OFF) \
	-DGGML_AVX512_VBMI=$(if $(filter ON,$(LLAMA_AVX512)),$(call cpu_has,avx512vbmi),OFF) \
	-DGGML_AVX512_BF16=$(if $(filter ON,$(LLAMA_AVX512)),$(call cpu_has,avx512_bf16),OFF) \
	-DGGML_AVX_VNNI=$(call cpu_has,avx_vnni) \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
LLAMA_PIN := $(shell sed -n 's/^ *"\(llama-cpp-python\[server\]==[^"]*\)",*/\1/p' pyproject.toml)

.PHONY: setup run test lint typecheck browser eval bench bench-remote clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --quiet --no-cache-dir '$(LLAMA_PIN)'
	$(BIN)/python -m pip install --quiet -e '.[embedded,dev]'
	touch $@

# Exit status 1 means "some documents failed" (their records say why): the job itself ran.
run: setup
	@$(BIN)/extractor run seeds/ --out $(OUT); status=$$?; \
	if [ $$status -eq 1 ]; then echo "note: some documents failed; each has an error record in $(OUT)"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi

lint: setup
	$(BIN)/ruff check extractor schemas tests bench
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

test: lint typecheck browser
	$(BIN)/python -m pytest

# The review-page test drives Debian's chromium through Playwright (never `playwright install`):
# install the browser where we can (root, or sudo without a password); otherwise say how, and fail.
CHROMIUM ?= /usr/bin/chromium
browser: setup
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  elif sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "make browser: $(CHROMIUM) is missing; install it with: sudo apt-get install -y chromium" >&2; exit 1; fi; \
	fi

# After a prompt change: re-measure the embedded model, rewrite the committed results and
# record the exchanges the offline tests replay (unchanged requests are served from the store).
eval: setup
	$(BIN)/extractor eval --split all --json evals/match_report/baseline.json --markdown evals/match_report/baseline.md \
		--record tests/fixtures/recordings
	$(BIN)/extractor eval --split seeds --prompt default \
		--json evals/match_report/results/staged-default-prompt-seeds.json
	$(BIN)/extractor eval --split all --strategy naive --json evals/match_report/results/naive-all.json \
		--markdown evals/match_report/results/naive-all.md

bench: setup
	$(BIN)/python bench/embedded.py

# Throughput with a fast remote model (issue 11): API, CLI and a raw aiohttp ceiling against the
# loopback fake server; LangExtract too when LANGEXTRACT_PYTHON names a Python that has it
# (e.g. a venv with `pip install 'langextract[openai]'`; it is not a dependency of this project).
bench-remote: setup
	$(BIN)/python bench/remote.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
