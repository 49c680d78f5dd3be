# Two commands do everything: `make run` and `make test`. Both create .venv when missing and
# reinstall only when pyproject.toml or setup.py changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run bytecode test lint typecheck contracts pytest check-content screenshots bench dist dist-check deb lintian clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Bytecode for the app's own modules, as an installed package or the bundle has it: an
# environment with PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every
# start (and every first page visit). Only changed files are recompiled.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q app

run: bytecode
	$(BIN)/gluteal-atlas $(ARGS)

test: lint typecheck contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

check-content: $(STAMP)
	$(BIN)/gluteal-atlas check-content $(ARGS)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/gluteal-atlas --screenshot build/screenshots $(ARGS)

bench: bytecode
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

# One-folder PyInstaller bundle in dist/gluteal-atlas/ (packaging/gluteal-atlas.spec).
dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/gluteal-atlas.spec
	@du -sh dist/gluteal-atlas

# Build, then run the bundle itself: content check, every page rendered offscreen.
dist-check: dist
	dist/gluteal-atlas/gluteal-atlas check-content
	rm -rf build/dist-check
	QT_QPA_PLATFORM=offscreen dist/gluteal-atlas/gluteal-atlas --data build/dist-check/data \
		--screenshot build/dist-check/screenshots

# Debian packages from the bundle: dist/gluteal-atlas_<version>_amd64.deb and
# dist/gluteal-atlas-kiosk_<version>_all.deb (packaging/make_deb.py), then lintian on both.
deb: dist
	$(BIN)/python packaging/make_deb.py --bundle dist/gluteal-atlas --out dist --work build/deb

lintian: deb
	lintian --fail-on error,warning dist/gluteal-atlas_*_amd64.deb dist/gluteal-atlas-kiosk_*_all.deb

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
