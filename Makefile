# Two commands on a fresh machine with Python 3.11: `make report` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP_VERSION := 25.3
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg

.PHONY: setup test report lab lint format clean notebooks browser

setup: $(STAMP)

# Reinstall only when the dependency set changes; environment.yml's pip section is the lock.
$(STAMP): pyproject.toml environment.yml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "pip==$(PIP_VERSION)"
	sed -n 's/^ *- \([A-Za-z0-9_.-]*==.*\)$$/\1/p' environment.yml > $(VENV)/constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -c $(VENV)/constraints.txt -e '.[test]'
	@# Build matplotlib's font cache now: its first-run notice on stderr would differ from the
	@# notebooks' stored outputs.
	$(PY) -c "import matplotlib.pyplot"
	touch $(STAMP)

test: setup browser
	$(VENV)/bin/ruff check helpers tests notebooks
	$(PY) -m pytest tests notebooks $(NBVAL)

# `make report` renders the statement; `make report DOC=id` or DOC="id1 id2" other documents.
report: setup
	$(PY) -m helpers report $(DOC)

# The site test opens the rendered pages in headless Chromium: $(CHROMIUM) if set, else
# chromium (or chromium-browser, google-chrome) on PATH. DejaVu Sans sets the prose. When either
# is missing, root (as on CI) installs Debian's packages; anyone else is told how to get them.
BROWSERS := chromium chromium-browser google-chrome google-chrome-stable
browser:
	@if [ -n "$$CHROMIUM" ]; then \
		test -x "$$CHROMIUM" || { echo "CHROMIUM=$$CHROMIUM is not an executable file"; exit 1; }; \
	fi
	@{ [ -n "$$CHROMIUM" ] || for b in $(BROWSERS); do command -v $$b; done | grep -q .; } \
		&& fc-list | grep -q DejaVuSans || { \
		test "$$(id -u)" = 0 || { \
			echo "make test needs Chromium (or Chrome) and the DejaVu fonts:"; \
			echo "  set CHROMIUM=/path/to/chromium, or put chromium on PATH, and install DejaVu"; \
			echo "  (Debian/Ubuntu, as root: apt-get install chromium fonts-dejavu-core;"; \
			echo "   or run 'make browser' as root)"; exit 1; }; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

# Re-execute the committed notebooks in place (after changing helpers or data); no timing
# metadata is recorded, so the stored notebooks carry no timestamps.
notebooks: setup
	cd notebooks && ../$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False [0-9][0-9]-*.ipynb

# Code and output in the packaged Noto Sans Mono: settings overrides plus a custom CSS with its
# @font-face, both inside .venv (see README, "JupyterLab").
lab: setup
	$(PY) -m helpers.fonts
	$(VENV)/bin/jupyter lab --LabApp.custom_css=True notebooks

lint: setup
	$(VENV)/bin/ruff check helpers tests notebooks
	$(VENV)/bin/ruff format --check helpers tests

format: setup
	$(VENV)/bin/ruff format helpers tests

clean:
	rm -rf results reports
