# The two commands of the README:
#   make run    installs missing system packages, builds, starts the host
#   make test   the same install step, then builds and runs every test
# and, for CI and development:
#   make test-sanitize   every test again, built with ASan+UBSan
#   make bench           the benchmarks (not part of make test)

BUILD_DIR ?= build
SANITIZE_BUILD_DIR ?= build-sanitize
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
# Most tests spend their time waiting (on sockets, timers, a browser), so
# ctest runs twice as many at once as there are cores.
TEST_JOBS ?= $(shell echo $$(( $(JOBS) * 2 )))
RUN_ARGS ?=

# Debian 12 packages the build and the tests need.
APT_PACKAGES := cmake make g++ pkg-config ccache \
	libboost1.81-dev libboost-url1.81-dev \
	libsoci-dev libsqlite3-dev sqlite3 nlohmann-json3-dev \
	libspdlog-dev libfmt-dev libcli11-dev \
	libqrencode-dev libsodium-dev libssl-dev libhowardhinnant-date-dev faketime \
	libgtest-dev libgmock-dev libbenchmark-dev curl \
	clang libclang-rt-14-dev \
	nodejs chromium adb

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps configure build run test test-sanitize bench clean browser-test-deps

deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

# Line-table debug info only (-g1): backtraces keep file and line, and the
# builds behind make test and make test-sanitize compile and link faster.
# Unity batches compile several sources of a target as one, so the heavy
# headers (Boost, JSON, GoogleTest) are parsed once per batch instead of
# once per file: CI's cold builds are much shorter. UNITY=OFF for one file
# at a time.
UNITY ?= ON
UNITY_FLAGS := -DCMAKE_UNITY_BUILD=$(UNITY) -DCMAKE_UNITY_BUILD_BATCH_SIZE=8
configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" $(UNITY_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	$(BUILD_DIR)/bin/billing-host $(RUN_ARGS)

# The browser tests' node packages (tests/browser: playwright-core, jsqr,
# pngjs; never a browser download), installed again only when the lock file
# is newer than the last install, so an offline machine that has them runs on.
BROWSER_TESTS_DIR := tests/browser
browser-test-deps: deps $(BROWSER_TESTS_DIR)/node_modules/.package-lock.json

$(BROWSER_TESTS_DIR)/node_modules/.package-lock.json: $(BROWSER_TESTS_DIR)/package-lock.json
	cd $(BROWSER_TESTS_DIR) && npm ci --no-audit --no-fund
	touch $@

test: build browser-test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(TEST_JOBS)

# The sanitize tree is built by clang, so the libFuzzer targets (fuzz/) are
# built there too, with ASan+UBSan, and their smoke runs (label fuzz) run
# with every other C++ test. The browser tests and the JavaScript unit tests
# (labels browser, javascript) check the web pages, which a sanitizer does
# not look at, so they run in make test only.
test-sanitize: deps browser-test-deps
	cmake -S . -B $(SANITIZE_BUILD_DIR) -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
	  -DBILLING_SANITIZE=ON -DBILLING_FUZZ=ON -DBILLING_BUILD_BENCH=OFF $(UNITY_FLAGS)
	cmake --build $(SANITIZE_BUILD_DIR) -j$(JOBS)
	cd $(SANITIZE_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(TEST_JOBS) -LE '^(browser|javascript)$$'

bench: build
	bench/run-all.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_BUILD_DIR)
