# Metropolis Diploma: build, serve and test.
#
#   make serve   install what is missing, build, then serve the site and the receiver on http://127.0.0.1:8080
#   make test    install what is missing (test tools too), then every check CI runs
#   make help    all targets
#
# Every install step checks first and skips what is already there at the right version, so a warm
# machine starts in seconds; a fresh Debian machine with rustup, cargo, node and npm works too
# (chromium comes from apt, everything else from crates.io and npm; nothing is downloaded by trunk
# or Playwright themselves).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

ROOT      := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
TOOLS_DIR := $(ROOT)/tests/tools
E2E_DIR   := $(ROOT)/tests/e2e
BENCH_DIR := $(ROOT)/tests/bench
DIST      := $(ROOT)/dist
# The partner embed is its own trunk build (embed.html, binary `embed`) into target/dist-embed/,
# merged into dist/ by `make build`; the application (index.html) builds straight into dist/. The
# native page renderer (binary `prerender`, feature ssr) then writes every page of both.
EMBED_DIST   := $(ROOT)/target/dist-embed
PRERENDER    := $(ROOT)/target/debug/prerender
APP_INPUTS   := $(shell find $(ROOT)/src $(ROOT)/style -type f) $(ROOT)/Cargo.toml \
                $(ROOT)/Cargo.lock $(ROOT)/Trunk.toml $(ROOT)/.cargo/config.toml

# The browser tests: tests/web*.rs (each `#![cfg(target_arch = "wasm32")]`, sharing tests/web_common/).
WEB_TESTS    := $(patsubst $(ROOT)/tests/%.rs,--test %,$(wildcard $(ROOT)/tests/web*.rs))

# Pinned tool versions. wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
TRUNK_VERSION        := 0.22.1
BINARYEN_VERSION     := 132
WASM_TARGET          := wasm32-unknown-unknown
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;q;}' $(ROOT)/Cargo.lock)

# npm's binaryen (wasm-opt) and the e2e tools come first: never Debian's binaryen (too old).
export PATH := $(TOOLS_DIR)/node_modules/.bin:$(E2E_DIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_TOOLS_WASM_BINDGEN := $(WASM_BINDGEN_VERSION)
export TRUNK_TOOLS_WASM_OPT := version_$(BINARYEN_VERSION)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export NPM_CONFIG_FUND := false
export NPM_CONFIG_AUDIT := false
export NPM_CONFIG_UPDATE_NOTIFIER := false
export DEBIAN_FRONTEND := noninteractive
export CARGO_TERM_COLOR ?= $(if $(CI),never,auto)
export CARGO_TERM_PROGRESS_WHEN ?= $(if $(CI),never,auto)

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# `cargo install` compiles C code (ring, zstd...): make sure a C toolchain is there first.
ENSURE_CC := command -v cc >/dev/null || { echo '==> apt-get install gcc libc6-dev'; \
  $(SUDO) apt-get update; $(SUDO) apt-get install -y gcc libc6-dev pkg-config; }

# Where the reference receiver (intake/) listens: make serve starts it; Trunk.toml proxies /api to it.
API_PORT ?= 8787
SERVE_PORT ?= 8080
E2E_PORT ?= 4173

.PHONY: help serve dev preview bench soak test lint unit wasm-test build pages size e2e e2e-sites clean \
        tools test-tools fetch install-rust install-trunk install-wasm-bindgen install-wasm-opt \
        install-chromium install-e2e check-pins

help:
	@echo 'make serve      install missing tools, release build, then the app and the receiver on http://127.0.0.1:$(SERVE_PORT)'
	@echo 'make dev        trunk serve of the application with live reload, every page prerendered (no embed)'
	@echo 'make test       install missing tools + test tools, then: lint, unit, wasm-test, build, size, e2e'
	@echo 'make lint       cargo fmt --check; clippy -D warnings (native no-default-features, and wasm32)'
	@echo 'make unit       native tests of the pure domain (cargo test --no-default-features) and of the receiver (intake)'
	@echo 'make wasm-test  wasm-bindgen tests in headless Chromium: cargo test --target $(WASM_TARGET)'
	@echo 'make build      release build into dist/: the application and the embed, then every page (make pages)'
	@echo 'make pages      render every page of dist/ again from its data files, in seconds (no WebAssembly build)'
	@echo 'make size       size tables of dist/ and the journeys a person downloads, with their budgets'
	@echo 'make e2e        the e2e sites (make e2e-sites), then Playwright against them, each on its fixed clock'
	@echo 'make e2e-sites  prepare the e2e sites from dist/ into target/e2e-sites/ (tests/e2e/sites.mjs --list)'
	@echo 'make preview    serve dist/ on http://127.0.0.1:$(E2E_PORT)/ as built (base path /);'
	@echo '                the partner embed is http://127.0.0.1:$(E2E_PORT)/embed (after make build)'
	@echo 'make bench      Lighthouse (mobile): every route and language against the same page as plain HTML, simulated'
	@echo '                and applied throttling; exit 1 when a simulated LCP is over 1.10 x plain (about an hour)'
	@echo 'make soak       the receiver (intake) in release under hostile load, kill -9 and a 10,000-application export; prints its figures'
	@echo 'make tools      install only the build tools (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt)'
	@echo 'make test-tools install the build tools and the test tools (chromium, chromedriver, Playwright)'
	@echo 'make clean      remove dist/, target/dist-<entry>/, the e2e sites and test reports (never cargo clean)'

# ---------------------------------------------------------------------------------------------
# Install steps: each checks first and skips what is present at the right version.

tools: install-rust install-trunk install-wasm-bindgen install-wasm-opt

test-tools: tools install-chromium install-e2e

install-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || { \
	  echo '==> rustup target add $(WASM_TARGET)'; rustup target add $(WASM_TARGET); }
	@cargo fmt --version >/dev/null 2>&1 || { echo '==> rustup component add rustfmt'; rustup component add rustfmt; }
	@cargo clippy --version >/dev/null 2>&1 || { echo '==> rustup component add clippy'; rustup component add clippy; }

install-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != 'trunk $(TRUNK_VERSION)' ]; then \
	  echo '==> installing trunk $(TRUNK_VERSION) (cargo install, several minutes)'; \
	  $(ENSURE_CC); \
	  cargo install --locked --ignore-rust-version --force trunk --version $(TRUNK_VERSION); \
	fi

install-wasm-bindgen:
	@test -n '$(WASM_BINDGEN_VERSION)' || { echo 'no wasm-bindgen in Cargo.lock' >&2; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != 'wasm-bindgen $(WASM_BINDGEN_VERSION)' ] || \
	    ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$'; then \
	  echo '==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (cargo install, a few minutes)'; \
	  $(ENSURE_CC); \
	  cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

install-wasm-opt: $(TOOLS_DIR)/node_modules/.installed
	@grep -q '"version": "$(BINARYEN_VERSION)\.' $(TOOLS_DIR)/node_modules/binaryen/package.json && \
	  [ "$$(command -v wasm-opt)" = '$(TOOLS_DIR)/node_modules/.bin/wasm-opt' ] || { \
	  echo "wasm-opt on PATH is $$(command -v wasm-opt), want npm binaryen $(BINARYEN_VERSION) (tests/tools)" >&2; exit 1; }

$(TOOLS_DIR)/node_modules/.installed: $(TOOLS_DIR)/package.json $(TOOLS_DIR)/package-lock.json
	@echo '==> npm ci (tests/tools: binaryen $(BINARYEN_VERSION), wasm-opt)'
	cd $(TOOLS_DIR) && npm ci --no-audit --no-fund
	@touch $@

install-chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo '==> apt-get install chromium chromium-driver'; \
	  $(SUDO) apt-get update; \
	  $(SUDO) apt-get install -y chromium chromium-driver fonts-liberation; \
	fi

install-e2e: $(E2E_DIR)/node_modules/.installed
	@:

$(E2E_DIR)/node_modules/.installed: $(E2E_DIR)/package.json $(E2E_DIR)/package-lock.json
	@echo '==> npm ci (tests/e2e: Playwright, axe-core; no browser download)'
	cd $(E2E_DIR) && npm ci --no-audit --no-fund
	@touch $@

# Crates for the offline trunk build (trunk passes --offline to cargo).
fetch:
	@cargo fetch --quiet

# Trunk.toml's wasm-bindgen pin must follow Cargo.lock (the Makefile overrides it anyway).
check-pins:
	@pin=$$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' $(ROOT)/Trunk.toml); \
	if [ "$$pin" != '$(WASM_BINDGEN_VERSION)' ]; then \
	  echo "Trunk.toml [tools] wasm_bindgen = \"$$pin\" but Cargo.lock has wasm-bindgen $(WASM_BINDGEN_VERSION): update Trunk.toml" >&2; exit 1; \
	fi

# ---------------------------------------------------------------------------------------------
# Run

serve: build
	@# The reference receiver in the background (database under data/, INTAKE_TOKEN from the
	@# environment for GET), stopped when the server stops; the server forwards /api to it, and
	@# serves every entry (the app, the embed, the form) with the routes the README describes.
	@$(ENSURE_CC)
	cargo build -p intake
	@INTAKE_ADDR=127.0.0.1:$(API_PORT) INTAKE_DB='$(ROOT)/data/intake.sqlite3' '$(ROOT)/target/debug/intake' & \
	  pid=$$!; trap 'kill $$pid 2>/dev/null || true' EXIT; trap 'exit 130' INT TERM; \
	  INTAKE_URL=http://127.0.0.1:$(API_PORT) node $(E2E_DIR)/server.mjs --port $(SERVE_PORT)

dev: tools fetch
	@# Live reload of the application (index.html): after each trunk build, the prerender writes
	@# every page into trunk's staging folder (the hook in Trunk.toml). /api/ is proxied to a receiver
	@# started with `make serve`'s command. The embed needs `make serve`.
	METROPOLIS_DEV=1 trunk serve

preview: install-e2e
	@test -f $(DIST)/index.html || $(MAKE) build
	node $(E2E_DIR)/server.mjs --port $(E2E_PORT)

# ---------------------------------------------------------------------------------------------
# Test

test: test-tools
	@$(MAKE) lint
	@$(MAKE) unit
	@$(MAKE) wasm-test
	@$(MAKE) build
	@# Size is a benchmark (README, "Size"): its table is printed here for the record, and
	@# `make size` on its own exits non-zero past a ceiling.
	@$(MAKE) size || echo '==> make size: over a ceiling (see the table above; this is a benchmark, not a test)'
	@$(MAKE) e2e
	@echo '==> make test: all checks passed'

lint: install-rust check-pins
	@echo '==> cargo fmt --check'
	cargo fmt --all -- --check
	@echo '==> clippy (native, no default features)'
	cargo clippy --no-default-features --all-targets -- -D warnings
	@echo '==> clippy (intake, the reference receiver)'
	@$(ENSURE_CC)
	cargo clippy -p intake --all-targets -- -D warnings
	@echo '==> clippy (native, the page renderer: feature ssr)'
	cargo clippy --features ssr --lib --bins -- -D warnings
	@echo '==> clippy ($(WASM_TARGET), feature hydrate)'
	@# The domain's native tests (tests/domain_*.rs, proptest) do not build for wasm32; the
	@# browser tests (tests/web.rs), the library and the binaries do.
	cargo clippy --target $(WASM_TARGET) --features hydrate --lib --bins $(WEB_TESTS) -- -D warnings

unit:
	@echo '==> native tests (pure domain, no default features)'
	cargo test --no-default-features
	@echo '==> receiver tests (intake: axum + SQLite files)'
	@$(ENSURE_CC)
	cargo test -p intake

wasm-test: install-rust install-wasm-bindgen install-chromium
	@echo '==> wasm tests (wasm-bindgen-test-runner, headless Chromium)'
	cargo test --target $(WASM_TARGET) --features hydrate $(WEB_TESTS)

# Two trunk builds: index.html (the application) into dist/, with public/ copied, and embed.html
# into target/dist-embed/, whose files join dist/ (hashed names; a name both builds produce, such as
# main-<hash>.css, must be the same file). trunk's two HTML outputs become the prerender's templates
# (dist/.templates/), then `make pages` writes every page and the build's security policy.
build: tools fetch
	@echo '==> trunk build --release (index.html: the application)'
	trunk build --release
	@echo '==> trunk build --release embed.html (the partner embed) into target/dist-embed'
	trunk build embed.html --release --html-output embed.html --dist '$(EMBED_DIST)'
	@mkdir -p '$(DIST)/.templates'
	@mv '$(DIST)/index.html' '$(DIST)/.templates/app.html'
	@cd '$(EMBED_DIST)' && find . -type f ! -path './.*' ! -name embed.html | while read -r f; do \
	  if [ -e '$(DIST)'/"$$f" ]; then \
	    cmp -s "$$f" '$(DIST)'/"$$f" || { echo "embed build: $$f differs from dist/$$f" >&2; exit 1; }; \
	  else \
	    mkdir -p "$$(dirname '$(DIST)'/"$$f")" && cp "$$f" '$(DIST)'/"$$f"; \
	  fi; \
	done
	@cp '$(EMBED_DIST)/embed.html' '$(DIST)/.templates/embed.html'
	@$(MAKE) pages

# Every page of dist/ from its data files (edition.json, config.json, data/, i18n/) and the
# templates: after editing public/*.json (copied in first) or the deployed files in dist/.
# PAGES_TODAY=YYYY-MM-DD renders the pages for another Barcelona date (tests); default: today.
pages:
	@test -f '$(DIST)/.templates/app.html' || { echo 'dist/ has no templates: run `make build` first' >&2; exit 1; }
	@$(ENSURE_CC)
	cargo build --features ssr --bin prerender
	@if [ -z '$(PAGES_FROM_DIST)' ]; then cp -r '$(ROOT)/public/.' '$(DIST)/'; fi
	'$(PRERENDER)' '$(DIST)' $(if $(PAGES_TODAY),--today $(PAGES_TODAY))
	@node $(TOOLS_DIR)/csp.mjs $(DIST)

# The bytes a person downloads on the journey / -> /apply/done and in the embed frame, against
# issue 12's budgets (application 250 KB target, 280 KB ceiling; embed frame 150 KB; embed.js 3 KB).
size:
	@test -f $(DIST)/index.html || { echo 'dist/ is empty: run `make build` first' >&2; exit 1; }
	node $(TOOLS_DIR)/size.mjs $(DIST)

# The sites the e2e tests open (tests/e2e/sites.mjs): dist/ as built at /, and variants under
# target/e2e-sites/ re-rendered by the prerender for their base path, data and fixed day, each with
# its own csp.json. Seconds: a variant whose inputs did not change is kept.
e2e-sites:
	@test -f $(DIST)/index.html || $(MAKE) build
	@$(ENSURE_CC)
	cargo build --features ssr --bin prerender
	node $(E2E_DIR)/sites.mjs

# Playwright against the e2e sites, with one reference receiver per (edition, clock). A flaky test
# (passed only on CI's retry) fails the run; summary.mjs names it.
e2e: install-chromium install-e2e
	@$(MAKE) e2e-sites
	@echo '==> cargo build -p intake (the receivers the e2e tests submit to)'
	@$(ENSURE_CC)
	cargo build -p intake
	@rm -rf '$(ROOT)/target/e2e-intake'
	@echo '==> Playwright e2e tests against target/e2e-sites/'
	cd $(E2E_DIR) && rc=0 && { playwright test || rc=$$?; node summary.mjs || rc=1; exit $$rc; }

# Lighthouse (mobile) on every route in every language of the release build, against the same
# page with its scripts removed, and the estimate recompute time; prints the tables of the README's
# "Speed" section. BENCH_ROUTES, BENCH_LANGS, BENCH_METHODS and BENCH_RUNS narrow it down.
# Not part of `make test`: a benchmark on a shared machine prints figures, it is not a timed test.
bench: build install-chromium install-e2e $(BENCH_DIR)/node_modules/.installed
	node $(BENCH_DIR)/bench.mjs

# The receiver's soak benchmark (intake/examples/soak.rs): a release build of intake on 127.0.0.1
# under worst-case bodies, slow connections and kill -9, and a 10,000-application export; prints
# the figures of the README's "Receiving applications" and fails when a target is missed. Not part
# of `make test`: it runs for minutes and its figures depend on the machine.
soak:
	@$(ENSURE_CC)
	@echo '==> cargo build --release -p intake (the receiver and its soak benchmark)'
	cargo build --release -p intake --bin intake --example soak
	'$(ROOT)/target/release/examples/soak' --intake '$(ROOT)/target/release/intake'

$(BENCH_DIR)/node_modules/.installed: $(BENCH_DIR)/package.json $(BENCH_DIR)/package-lock.json
	@echo '==> npm ci (tests/bench: lighthouse 12.2.3)'
	cd $(BENCH_DIR) && npm ci --no-audit --no-fund
	@touch $@

clean:
	rm -rf $(DIST) $(EMBED_DIST) $(ROOT)/target/e2e-sites $(ROOT)/target/e2e-intake $(E2E_DIR)/test-results $(E2E_DIR)/playwright-report
