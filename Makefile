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

# The site test opens the rendered pages in headless Chromium (Debian's package). DejaVu has
# every Vietnamese letter; installed only when missing (needs root, as on CI).
browser:
	@test -x /usr/bin/chromium && fc-list | grep -q DejaVuSans || { \
		test "$$(id -u)" = 0 || { echo "install Debian's chromium and fonts-dejavu-core (needs root)"; exit 1; }; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

# Re-execute the committed notebooks in place (after changing helpers or data); no timing
# metadata is recorded, so the stored notebooks carry no timestamps.
notebooks: setup
	cd notebooks && ../$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False [0-9][0-9]-*.ipynb

lab: setup
	$(VENV)/bin/jupyter lab notebooks

lint: setup
	$(VENV)/bin/ruff check helpers tests notebooks
	$(VENV)/bin/ruff format --check helpers tests

format: setup
	$(VENV)/bin/ruff format helpers tests

clean:
	rm -rf results reports
