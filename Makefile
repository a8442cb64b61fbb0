# Ping'an Classroom. Two commands set up everything on a fresh machine:
#   make serve   preview the site at http://127.0.0.1:8000 (reloads on change)
#   make test    every unit and browser test
# Others: make build (static site into site/), make clean, make lock.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

# MkDocs 1.6 prints a notice about 2.0 on every run; we pin < 2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test unit browser-test chromium clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the lock file or the package metadata changed.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(BIN)/mkdocs build --strict --clean --site-dir site

# A Chromium for the browser tests: Playwright cannot download its own here.
chromium: setup
	@$(BIN)/python tests/chromium.py --install

test: setup chromium
	$(BIN)/pytest

unit: setup
	$(BIN)/pytest -m "not browser"

browser-test: setup chromium
	$(BIN)/pytest -m browser

lock: $(BIN)/python
	$(PIP) install -r requirements.lock
	$(BIN)/pip freeze --exclude-editable | grep -v '^pingan' | sed '1i # Exact versions of everything `make` installs into .venv (regenerate: make lock).' > requirements.lock

clean:
	rm -rf site $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
