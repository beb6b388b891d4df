# mmguide: every target sets up what is missing first, so a fresh clone needs only these.
#   make html   build the book into _build/html (both editions and their PDFs)
#   make pdf    only the PDF of each edition (_build/html/<lang>/mmguide-<lang>.pdf)
#   make test-fast  every test that needs no built site and no browser (about 70 s on 2 cores)
#   make test   run every test, including the full -W build (both editions built once, shared)
#   make serve  build and serve on 127.0.0.1:8000 with live reload
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
# Python 3.11 exactly (the version the lock was made with): no fallback to another python3.
PYTHON ?= python3.11
# uv is the installer (the same version that writes the locks): it installs the lock's wheels in
# parallel, about 20 s faster than pip on 2 cores, and still refuses any file whose hash is not there.
BUILD_PINS := pip==26.3 setuptools==84.2.1 wheel==0.48.0 packaging==26.3 uv==0.13.9
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
UV_INSTALL = $(VENV)/bin/uv pip install --quiet --python $(PY)
SYS_STAMP := _build/.system-ok
SPHINXOPTS ?= -W --keep-going -n
JOBS ?= auto
# pytest-xdist workers for make test / make test-fast (TEST_JOBS=0: no workers, one process)
TEST_JOBS ?= 2
# more pytest options, e.g. PYTEST_ARGS="--durations=20" or PYTEST_ARGS="-k forms"
PYTEST_ARGS ?=

.PHONY: pdf setup installs system html test test-fast serve lock bench clean gettext regen-notebooks python-check mutation clinical-diff release-notes

python-check:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "mmguide needs Python 3.11, and '$(PYTHON)' was not found: install it (Debian: apt-get install python3.11) or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "mmguide needs Python 3.11, and $(PYTHON) is $$($(PYTHON) -V 2>&1): run make PYTHON=/path/to/python3.11" >&2; exit 1; }

# Installs only files whose SHA-256 is in the locks: first the installers and build backend
# (requirements-build.lock, with pip), then everything else with uv, without build isolation, so
# building an sdist or the package itself fetches nothing. uv reads PyPI (the index the locks were
# made from), not pip's configuration. The lock is the whole set (uv resolved it, with the
# overrides in requirements-overrides.txt), so it is installed as it is (--no-deps): exactly its pins,
# nothing a package's own metadata asks for beyond them.
$(STAMP): requirements.lock requirements-build.lock pyproject.toml | $(SYS_STAMP) python-check
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "$(VENV) is not Python 3.11: remove it (rm -rf $(VENV)) and run make setup again" >&2; exit 1; }
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes -r requirements-build.lock
	$(UV_INSTALL) --require-hashes --no-deps --no-build-isolation --compile-bytecode -r requirements.lock
	$(UV_INSTALL) --no-build-isolation --no-deps -e .
	@touch $@

$(SYS_STAMP): tools/setup-system.sh
	@bash tools/setup-system.sh
	@mkdir -p _build && touch $@

# axe-core (accessibility tests) and MicroPython's WebAssembly build (in-page calculators),
# pinned in package-lock.json
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package-lock.json package.json tools/setup-node.sh
	@bash tools/setup-node.sh
	@touch $@

# The Python and Node installs are independent: made side by side (about 6 s less from a fresh clone).
setup: $(SYS_STAMP)
	@$(MAKE) --no-print-directory -j2 installs
installs: $(STAMP) $(NODE_STAMP)
	@:
system: $(SYS_STAMP)

html: setup
	$(PY) tools/build.py $(SPHINXOPTS)

pdf: setup
	$(PY) tools/pdf.py $(SPHINXOPTS)

# Whole files go to one worker (--dist loadfile), so a file's browser visits are made once, in
# the order tests/conftest.py gives them (--no-loadscope-reorder): one worker builds the site
# (once per run, shared) while the other runs the tests that need no site.
test: setup
	$(PY) -m pytest -p no:cacheprovider -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder \
	  --cov=mmguide --cov-branch --cov-report=term:skip-covered $(PYTEST_ARGS)

# Tests marked build or browser (by hand or by tests/conftest.py from their fixtures) are left out.
test-fast: setup
	$(PY) -m pytest -p no:cacheprovider -n $(TEST_JOBS) -m "not build and not browser" $(PYTEST_ARGS)

serve: setup
	$(VENV)/bin/sphinx-autobuild --host 127.0.0.1 --port 8000 --watch src --watch sphinxext \
	  --ignore "*/_build/*" --ignore "*/.venv/*" . _build/serve

gettext: setup
	$(PY) tools/i18n.py update

regen-notebooks: setup
	$(PY) tools/regen_notebooks.py

# What a change does for patients, BASE (default: merge base with main) -> working tree:
# _build/clinical-diff/report.md and report.html
BASE ?=
clinical-diff: setup
	$(PY) tools/clinical_diff.py $(if $(BASE),--base $(BASE))

# Draft the 'What changed' entry of release TAG (vX.Y.Z) from the clinical diff since the previous release
release-notes: setup
	@test -n "$(TAG)" || { echo "usage: make release-notes TAG=vX.Y.Z"; exit 2; }
	$(PY) tools/release_notes.py $(TAG)

bench: setup
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# Writes both locks with uv (pinned below, installed into a throwaway venv from PyPI): every pin
# with the SHA-256 of every file PyPI publishes for it (all wheels and the sdist), so
# `pip --require-hashes` installs on any platform the pins support. By default the resolution is
# constrained to the versions already in the locks (nothing is upgraded); LOCK_UPGRADE=1
# re-resolves requirements.in to the newest versions allowed.
LOCKER := uv==0.13.9
LOCK_INDEX := https://pypi.org/simple
LOCK_UPGRADE ?=
LOCK_UV = UV_CACHE_DIR=_build/lockvenv/cache _build/lockvenv/bin/uv pip compile --quiet --generate-hashes \
  --python $$(command -v $(PYTHON)) --index-url $(LOCK_INDEX) --no-header --no-annotate
LOCK_HEADER := \
  "\# Generated by 'make lock' from requirements.in with Python 3.11 (uv pip compile --generate-hashes); do not edit by hand." \
  "\# Every pin carries the SHA-256 of every file PyPI publishes for it (its wheels and sdist):" \
  "\# make setup installs it with pip --require-hashes, on any platform the pins have files for."
LOCK_BUILD_HEADER := \
  "\# Generated by 'make lock' (uv pip compile --generate-hashes); do not edit by hand." \
  "\# The installers (pip, then uv) and build backend, installed first with --require-hashes, so that building" \
  "\# needs no network fetch (make setup installs everything else with --no-build-isolation)."
lock: python-check
	rm -rf _build/lockvenv && $(PYTHON) -m venv _build/lockvenv
	_build/lockvenv/bin/pip install -q --disable-pip-version-check $(LOCKER)
	grep -E '^[A-Za-z0-9_.-]+==' requirements.lock | sed 's/ .*//' > _build/lock-pins.txt
	printf '%s\n' $(BUILD_PINS) > _build/lock-build.in
	$(LOCK_UV) _build/lock-build.in -o _build/lock-build.txt
	$(LOCK_UV) requirements.in --override requirements-overrides.txt $(if $(LOCK_UPGRADE),,--constraint _build/lock-pins.txt) -o _build/lock.txt
	{ printf '%s\n' $(LOCK_BUILD_HEADER); cat _build/lock-build.txt; } > _build/requirements-build.lock
	{ printf '%s\n' $(LOCK_HEADER); cat _build/lock.txt; } > _build/requirements.lock
	mv _build/requirements-build.lock requirements-build.lock
	mv _build/requirements.lock requirements.lock

# Mutation testing of src/mmguide against the fast tests (tools/mutation.py): slow, resumable,
# not part of make test. MUTATION_ARGS="--module units.py --jobs 2" narrows or widens it.
mutation: setup
	nice -n 19 $(PY) tools/mutation.py $(MUTATION_ARGS)

clean:
	rm -rf _build .jupyter_cache
