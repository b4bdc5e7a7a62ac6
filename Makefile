# Two commands matter: `make run` and `make test` (see README). Everything else here is
# what those two need, installed on first use so a fresh clone on a fresh machine works.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 3000
PEOPLE ?= 2000

# Reflex 0.10 needs bun >= 1.4.4; its own download fails here, so bun comes from the npm
# registry into tools/node_modules and Reflex is told to use it.
export PATH := $(CURDIR)/tools/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_CHECK_LATEST_VERSION := false
export NPM_CONFIG_REGISTRY ?= https://registry.npmjs.org
export PYTHONPATH := $(CURDIR)
export PORT

RUN_APT := fonts-dejavu-core fonts-noto-cjk
# PyICU (Vietnamese collation) compiles against the system ICU.
BUILD_APT := libicu-dev pkg-config g++
# nginx-light and caddy: the scale-out test runs deploy/nginx.conf and validates the Caddyfile.
TEST_APT := chromium zbar-tools fonts-dejavu-core fonts-noto-cjk nginx-light caddy

.PHONY: run serve test bench deps test-deps build migrate seed locales locales-update lint \
	outbox notify clean

## make run: install, migrate, load demo data, build and serve http://localhost:$(PORT)
run: deps migrate seed
	$(VENV)/bin/reflex run --env prod --loglevel warning

## make serve: production (README "Deploy"): migrate, build, one worker per core on
## 127.0.0.1:$(PORT) behind a reverse proxy (deploy/); needs DB_URL and REDIS_URL for >1 worker
serve: deps migrate build
	$(PY) -m deploy.serve --port $(PORT)

## make notify: make the notices due today (once each) and send the queued web pushes;
## run it every few minutes from cron or a systemd timer (README "Notices and web push")
notify: $(VENV)/.installed migrate
	$(PY) -m api.cli notify

## make test: install what tests need (Chromium included) and run every test
test: deps test-deps lint
	$(PY) -m pytest -m "not bench" tests

## make bench: benchmarks under tests/bench, each figure printed with its unit
bench: deps test-deps tools/bench-peer/node_modules/.installed
	@./tools/apt-ensure wrk
	$(PY) -m pytest -m bench -s -q tests/bench

# The peer the sync benchmark compares with: PouchDB and express-pouchdb (npm registry).
tools/bench-peer/node_modules/.installed: tools/bench-peer/package.json
	cd tools/bench-peer && npm install --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed tools/node_modules/.installed locales sysdeps-run

$(VENV)/.installed: pyproject.toml
	@./tools/apt-ensure $(BUILD_APT)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[test]' 2>&1 | grep -v 'is ignored: it is neither' || true
	touch $@

# `npm install`, not `npm ci`: npm 11 leaves rollup's per-platform optional packages out of
# the lock file and `npm ci` then refuses it; install still follows the locked versions.
tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && npm install --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: fonts for the card image always; Chromium and zbarimg for the tests.
sysdeps-run:
	@./tools/apt-ensure $(RUN_APT)

test-deps:
	@./tools/apt-ensure $(TEST_APT)

## compiled catalogs (.mo) and the per-language JSON the browser reads; never committed
locales: $(VENV)/.installed
	$(PY) -m locales.build

# Translation functions (tests/unit/test_locales.py knows them too): t and N_ take a message,
# tr a language and a message, tn and Nn_ a singular and a plural, trn a language first.
# The catalogs keep their header: it carries each language's Plural-Forms rule (the
# template has none, so the rule comes from babel's table for the catalog's language).
I18N_KEYWORDS := -k t -k N_ -k tr:2 -k tn:1,2 -k Nn_:1,2 -k trn:2,3

## re-extract messages and merge them into every catalog
locales-update: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F locales/babel.cfg $(I18N_KEYWORDS) --no-location \
		--sort-output --omit-header -o locales/messages.pot .
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales -D messages \
		--ignore-obsolete --no-fuzzy-matching --width=100
	sed -i '/^"POT-Creation-Date: /d' locales/*/LC_MESSAGES/messages.po  # no churn per run

migrate: $(VENV)/.installed
	@mkdir -p var
	$(VENV)/bin/alembic upgrade head

## demo people always; PEOPLE generated ones on an empty database
seed: migrate
	$(PY) -m api.seed --people $(PEOPLE) --if-empty

build: deps
	$(VENV)/bin/reflex export --frontend-only --no-zip --loglevel warning

lint: $(VENV)/.installed tools/node_modules/.installed
	$(VENV)/bin/ruff check .
	tools/node_modules/.bin/eslint -c tools/eslint.config.mjs assets sync/browser tools/*.mjs

## print the SMS outbox of a person or staff code: make outbox CODE=0123456789 (or 01H01-01)
outbox:
	$(PY) -m api.cli outbox $(CODE)

clean:
	rm -rf .web var test-artifacts
