# GradScope: `make demo` runs the main job on a bundled sample; `make test` runs every test.
SWIFT ?= swift
SAMPLE ?= samples/tutorial.py
RELEASE_BIN = .build/release/gradscope
# Optimised builds skip Swift's dynamic exclusivity checks (a runtime call on every access to a
# class property, about a tenth of the per-op cost of small ops). The flag is passed here, not in
# Package.swift, which stays free of unsafe flags so that other packages can depend on GradScope.
# They also link with lld (in the Swift toolchain) laid out for a small resident size: every
# function in its own section, the functions a typical run executes first and together in the
# order of scripts/symbol-order.txt (the kernel maps code 64 KB around each page touched, so
# start-up code spread over the binary makes most of it resident), the compiler's private
# functions, which have no symbol to order by, together before the rest (scripts/private-functions.lds),
# and relative relocations packed (DT_RELR) so the loader reads a few KB of them instead of about 250 KB.
SYMBOL_ORDER = scripts/symbol-order.txt
LINK_LAYOUT = -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
  -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-warn-symbol-ordering \
  -Xlinker --symbol-ordering-file=$(CURDIR)/$(SYMBOL_ORDER) -Xlinker -T -Xlinker $(CURDIR)/scripts/private-functions.lds
OPTIMISED = -c release -Xswiftc -enforce-exclusivity=unchecked $(LINK_LAYOUT)
# The test build treats every compiler warning as an error.
STRICT = -Xswiftc -warnings-as-errors
FORMAT_PATHS = Package.swift Sources Tests samples/swift-api

.PHONY: setup build release demo test conformance clean format lint docs check-swift-api test-browser

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build $(OPTIMISED)
	python3 scripts/check_symbol_order.py --warn-stale .build/release

# The main job on a bundled sample: its output as Python prints it, its graph drawn with gradients
# and saved buffers (SVG, PNG) and dumped (text, JSON) into out/demo, and `why` for every tensor.
demo: release
	scripts/demo.sh $(RELEASE_BIN) $(SAMPLE) out/demo

# Lint, a smoke run of the benchmarks, then the unit, integration and conformance tests (the
# conformance corpus runs in-process in TorchBindingsTests, and once more through the real CLI against
# ../shared/conformance when that folder is present).
test: setup lint
	$(SWIFT) build $(STRICT)
	$(MAKE) bench-smoke
	$(MAKE) fuzz-smoke
	$(SWIFT) test $(STRICT)
	@if [ -d ../shared/conformance ]; then \
	  python3 ../shared/tools/conformance.py check ../shared/conformance $(CURDIR)/.build/debug/gradscope run; \
	else \
	  python3 scripts/conformance.py check Tests/TorchBindingsTests/Fixtures/conformance $(CURDIR)/.build/debug/gradscope run; \
	fi
	$(MAKE) check-swift-api
	$(MAKE) test-browser

# The HTML viewer in real browsers: pages written by the debug build, opened from disk in
# headless Chromium driven by Playwright and headless Firefox ESR driven by Marionette (Debian's
# packages); scripts/setup-browser.sh installs the browsers and the Python drivers.
test-browser:
	@scripts/setup-browser.sh
	$(SWIFT) build $(STRICT) --product gradscope
	GRADSCOPE=$(CURDIR)/.build/debug/gradscope python3 -m unittest discover -s Tests/Browser -v

clean:
	rm -rf .build

# The CLI fuzzer (fuzz/cli_fuzz.py): seeded hostile scripts and JSON dumps, each under
# `--max-memory 64M --timeout 2`; fails on a signal, a hang (over 8 s) or an unclear error.
# `make fuzz` runs FUZZ_COUNT cases from FUZZ_SEED; `make fuzz-smoke` (part of `make test`) 30.
FUZZ_SEED ?= 1
FUZZ_COUNT ?= 1000
.PHONY: fuzz fuzz-smoke
fuzz: build
	python3 fuzz/cli_fuzz.py .build/debug/gradscope --seed $(FUZZ_SEED) --count $(FUZZ_COUNT) --keep fuzz/findings

fuzz-smoke:
	python3 fuzz/cli_fuzz.py .build/debug/gradscope --seed 1 --count 30

# The in-process fuzzer (Sources/gradscope-fuzz): the same dictionaries of hostile scripts and
# graph dumps run through the interpreter and the dump reader inside one worker process, each
# under --max-memory 64M --timeout 2, at nice 19 on the release build; a crashed or hung worker
# is recorded as a finding and a new one resumes at the next case. FUZZ_LONG_COUNT cases from
# FUZZ_SEED; findings are saved into fuzz/findings.
FUZZ_LONG_COUNT ?= 2000000
.PHONY: fuzz-long
fuzz-long: setup
	$(SWIFT) build $(OPTIMISED) --product gradscope-fuzz
	nice -n 19 .build/release/gradscope-fuzz --seed $(FUZZ_SEED) --count $(FUZZ_LONG_COUNT) --findings fuzz/findings

# swift-format with the repository's .swift-format: `make format` rewrites, `make lint` checks.
format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

# DocC for the libraries (Autograd and GraphModel have articles); warnings are errors.
docs: setup
	$(SWIFT) package --disable-sandbox generate-documentation --target Autograd --target GraphModel --warnings-as-errors

# A package outside GradScope depending on it by git URL and version (samples/swift-api).
check-swift-api:
	scripts/check-swift-api.sh

# Benchmarks (release build in its own scratch path, one compute thread on both sides).
# `make bench` prints GradScope's figures next to PyTorch's; `make bench-smoke` is a quick
# run of every workload at tiny sizes on the debug build.
BENCH_SCRATCH = .build-perf

.PHONY: bench bench-smoke
bench: setup
	$(SWIFT) build $(OPTIMISED) --scratch-path $(BENCH_SCRATCH)
	python3 scripts/check_symbol_order.py $(BENCH_SCRATCH)/release
	bench/compare.sh

# Regenerates $(SYMBOL_ORDER) from runs of the optimised build under Valgrind (several minutes),
# then links again with it (SwiftPM does not track the file, hence the removed executables).
.PHONY: symbol-order
symbol-order: setup
	$(SWIFT) build $(OPTIMISED) --scratch-path $(BENCH_SCRATCH)
	python3 scripts/make_symbol_order.py $(BENCH_SCRATCH)/release
	rm -f $(BENCH_SCRATCH)/release/gradscope $(BENCH_SCRATCH)/release/gradscope-bench
	$(SWIFT) build $(OPTIMISED) --scratch-path $(BENCH_SCRATCH)
	python3 scripts/check_symbol_order.py $(BENCH_SCRATCH)/release

bench-smoke: setup
	$(SWIFT) build $(STRICT)
	OPENBLAS_NUM_THREADS=1 .build/debug/gradscope-bench --quick --gradscope .build/debug/gradscope --scripts bench

# Real users' programs (Tests/RealPrograms and ../shared/conformance/real) through the debug
# build, with --tol for last-digit float32 differences: a progress report, not yet a gate.
.PHONY: real
real: build
	-python3 ../shared/tools/conformance.py check --tol Tests/RealPrograms $(CURDIR)/.build/debug/gradscope run
	-python3 ../shared/tools/conformance.py check --tol ../shared/conformance/real $(CURDIR)/.build/debug/gradscope run

# The Python prelude (torch.nn, torch.optim under Sources/TorchBindings/Prelude) run by real
# CPython + PyTorch in place of PyTorch's own torch.nn/torch.optim, against the real programs'
# expected outputs: proves the prelude reproduces PyTorch (reprs, init order, optimizer digits).
# A report: programs using what the prelude leaves out (lazy modules, LSTM, module backward
# hooks, the other lr schedulers) fail.
TORCH_PYTHON ?= /tmp/fmt-torch/bin/python
PRELUDE_HARNESS = $(TORCH_PYTHON) $(CURDIR)/scripts/prelude_harness.py
.PHONY: prelude-check
prelude-check:
	-python3 ../shared/tools/conformance.py check Tests/RealPrograms $(PRELUDE_HARNESS)
	-python3 ../shared/tools/conformance.py check ../shared/conformance/real $(PRELUDE_HARNESS)
	-python3 ../shared/tools/conformance.py check Tests/TorchBindingsTests/Fixtures/prelude $(PRELUDE_HARNESS)

# gradscope_capture (python/) under real PyTorch: its tests, then the cross-check of every
# conformance and real program (../shared/conformance, its real/ and Tests/RealPrograms), captured
# under PyTorch and dumped by GradScope, in canonical form. Fails on a difference that
# docs/capture-crosscheck.md does not list for that program with its cause. TORCH_PYTHON names a
# Python with torch; without it scripts/capture-python.sh installs CPU-only torch into
# .venv-capture (about 200 MB), or falls back to /tmp/fmt-torch when PyTorch's index is out of
# reach. CAPTURE_JOBS programs are checked at a time.
CAPTURE_VENV = .venv-capture
CAPTURE_JOBS ?= 2
CAPTURE_CORPUS = $(or $(wildcard ../shared/conformance),Tests/TorchBindingsTests/Fixtures/conformance) \
  $(wildcard ../shared/conformance/real) Tests/RealPrograms
.PHONY: test-capture
test-capture: build
	@torch_python=$$(scripts/capture-python.sh $(CAPTURE_VENV)) && \
	echo "test-capture: torch from $$torch_python" && \
	OMP_NUM_THREADS=1 PYTHONPATH=python $$torch_python -m unittest discover python/tests && \
	python3 scripts/capture_crosscheck.py --jobs $(CAPTURE_JOBS) .build/debug/gradscope $$torch_python $(CAPTURE_CORPUS)
