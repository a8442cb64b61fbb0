# Ping'an Classroom. Two commands set up everything on a fresh machine:
#   make serve   preview the site at http://127.0.0.1:8000 (reloads on change)
#   make test    every unit and browser test
# Teachers: make bundle (the whole site in one zip that works offline from a USB stick).
# Editors: make check (every problem, with file and line), make build [EDITION=name]
# (the site into site/, swapped in only when the whole build succeeded), make i18n-status.
# Others: make i18n (UI catalogs), make clean, make lock.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

# MkDocs 1.6 prints a notice about 2.0 on every run; we pin < 2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: export schemas sources node-tools nginx setup serve build bundle bench screenshots check lint i18n i18n-status i18n-current test unit browser-test chromium clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the lock file or the package metadata changed.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

setup: $(STAMP)

# Builds the default language and the one being edited (SERVE_LANG=<code> to choose); see README.
serve: setup
	SERVE_LANG=$(SERVE_LANG) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Builds into a fresh folder; site/ is replaced only when the whole build succeeded.
# EDITION=<name> uses editions/<name>.yml (local site name, hotlines, contacts).
build: setup
	EDITION=$(EDITION) $(BIN)/python -m pingan.cli.publish --site-dir site

# The offline site for a USB stick: dist/pingan-classroom-<version>-<date>.zip (open index.html).
bundle: setup
	EDITION=$(EDITION) $(BIN)/python -m pingan.cli.bundle --out-dir dist

# Every quiz for learning platforms: dist/export/gift/<lang>/*.gift.txt (Moodle GIFT) and
# dist/export/qti/<lang>/<quiz>.zip (IMS QTI 2.1 content packages). README: "Quizzes in Moodle".
export: setup
	$(BIN)/python -m pingan.export --out-dir dist/export

# Debian's nginx (and its brotli module) for the serving test, installed when missing.
nginx:
	@$(PYTHON) tests/nginx.py --install

# JSON Schemas for editors (schemas/*.schema.json), from the rules make check applies.
schemas: setup
	$(BIN)/python -m pingan.schemas

# npm packages some tests use (a GIFT parser), into the git-ignored .cache/node/.
node-tools:
	@$(PYTHON) tests/node_tools.py --install

# The Sources page of each language (content/<lang>/sources.md) from the lessons' sources:
# every source a lesson cites, once, with the lessons using it; the page's wording is kept.
sources: setup
	$(BIN)/python -m pingan.cli.sources

# Every problem in lessons, quizzes, links, hotlines and settings, one per line: path:line: message.
check: setup
	EDITION=$(EDITION) $(BIN)/python -m pingan.cli.check

# Which translations are missing, stale (source changed since) or not yet reviewed.
# make i18n-status [CSV=status.csv]
i18n-status: setup
	$(BIN)/python -m pingan.cli.i18n_status $(if $(CSV),--csv $(CSV))

# After catching up with the source: make i18n-current FILES="content/en/lessons/x.md"  or  FOR=en
i18n-current: setup
	$(BIN)/python -m pingan.cli.i18n_status mark-current $(if $(FOR),--all $(FOR),$(FILES))

# UI words: extract them from code and templates, update every catalog, compile (check).
LOCALES := plugins/pingan/locales
i18n: setup
	$(BIN)/pybabel extract -F babel.cfg -c TRANSLATORS: --sort-by-file --no-location -o $(LOCALES)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile -d $(LOCALES) --statistics
	find $(LOCALES) -name '*.mo' -delete

# A Chromium for the browser tests: Playwright cannot download its own here.
chromium: setup
	@$(BIN)/python tests/chromium.py --install

# Lint, format and types of the package first (fast), then every test.
lint: setup
	$(BIN)/ruff check plugins/pingan
	$(BIN)/ruff format --check plugins/pingan
	$(BIN)/mypy

test: setup chromium node-tools nginx lint
	$(BIN)/pytest

unit: setup node-tools nginx
	$(BIN)/pytest -m "not browser"

browser-test: setup chromium node-tools nginx
	$(BIN)/pytest -m browser

# Sizes and build times (quiz assets, heaviest first load, corpora of 50/100/200 lessons
# with and without the quiz plugin), then build CPU with/without pingan-quiz + pingan-present
# (real site, 1,000 lessons), slide generation's share, edit-to-reload: a table, not a test.
# Takes a long while; BENCH_QUICK=1 make bench takes a few minutes (see tests/bench_cpu.py).
bench: setup chromium
	$(BIN)/python tests/bench.py
	$(BIN)/python tests/lighthouse.py

# PNGs (git-ignored, screenshots/) of the home page, a children's lesson, a checked quiz and
# three slides, on a phone (390×844) and a projector (1280×720), in zh, en and ug: look at them.
screenshots: setup chromium
	$(BIN)/python tests/screenshots.py

lock: $(BIN)/python
	$(PIP) install -r requirements.lock
	$(BIN)/pip freeze --exclude-editable | grep -v '^pingan' | sed '1i # Exact versions of everything `make` installs into .venv (regenerate: make lock).' > requirements.lock

clean:
	rm -rf site $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
