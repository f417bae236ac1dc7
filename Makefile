# Minsheng — `make run` serves the app with demo data; `make test` runs the whole suite.
# Every install step lives here so that a fresh clone (and CI) needs nothing from anyone's shell history.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint setup deps test-deps system-deps chromium assets messages migrate demo bench clean

run: setup migrate demo
	@echo
	@echo "民声 running at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

setup: deps system-deps assets messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

deps: $(VENV)/.installed

test-deps: $(VENV)/.test-installed

# The CJK font renders Chinese in documents and headless screenshots; gettext compiles translations;
# Pango is what WeasyPrint lays out PDFs with;
# Chromium (Debian's, never a downloaded build) drives the browser tests.
system-deps:
	@missing=""; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq $$missing; fi

chromium:
	@command -v chromium >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq chromium; }

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

messages: deps system-deps
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: deps
	$(PY) manage.py migrate --no-input -v 0

demo: deps
	$(PY) manage.py load_demo

lint: test-deps
	$(VENV)/bin/ruff check .

test: test-deps system-deps chromium assets messages lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: deps
	$(PY) bench/matter_list.py

clean:
	rm -rf $(VENV) node_modules var/static test-artifacts
