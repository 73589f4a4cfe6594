# Two commands on a fresh machine with Python 3.11: `make report` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP_VERSION := 25.3
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg

.PHONY: setup test report lab lint format clean notebooks

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

test: setup
	$(VENV)/bin/ruff check helpers tests notebooks
	$(PY) -m pytest tests notebooks $(NBVAL)

report: setup
	$(PY) -m helpers report

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
