# Two commands do all set-up: `make demo` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# extra pip arguments for torch, e.g. a CPU-only index on machines without a local CPU wheel
TORCH_PIP_ARGS ?=
export HUISHENG_HOME ?= $(CURDIR)/var
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: install install-test demo test bench bench-scale board run clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: a bare `torch` (pulled in by sentence-transformers) would fetch a multi-GB CUDA build
$(VENV)/.torch: | $(BIN)/python
	$(BIN)/pip install -q "torch==2.13.0" $(TORCH_PIP_ARGS)
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.torch
	$(BIN)/pip install -q -e ".[test]"
	touch $@

install install-test: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/huisheng demo

board: $(VENV)/.installed
	$(BIN)/huisheng board

run: $(VENV)/.installed
	$(BIN)/huisheng run

# test files are spread over TEST_WORKERS processes, a file staying on one (its module fixtures are built once)
TEST_WORKERS ?= 2
test: $(VENV)/.installed
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=15

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_assign.py
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_scale.py

# issue 11's scale numbers alone (long: 100k reviews end to end and a 1M-row board database)
bench-scale: $(VENV)/.installed
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf var .pytest_cache
