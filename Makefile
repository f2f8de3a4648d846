# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
# The PDF converter's server (unoserver) needs LibreOffice's Python bridge, which only Debian's Python has
# (python3-uno): a small environment of its own that sees it. Without python3-uno, PDFs are drawn by one
# soffice run per batch instead.
UNO_PYTHON ?= /usr/bin/python3
UNO_VENV := .venv-uno
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
VAR := $(or $(NANGSUAT_VAR_DIR),var)
KEY := $(VAR)/secret_key
MFA_KEY := $(VAR)/mfa_key
# pytest exits with 5 when it collected no test (a PYTEST_ARGS selecting nothing): not a failure.
PYTEST = $(PY) -m pytest -n auto $(1) $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo 'no test collected'; rc=0; fi; exit $$rc
# compilemessages_py needs settings but no secret key: the test settings have one of their own.
COMPILEMESSAGES := DJANGO_SETTINGS_MODULE=nangsuat.settings.test $(PY) -m nangsuat compilemessages_py

.PHONY: demo test test-fast lint bench install clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@if [ -x $(UNO_PYTHON) ] && $(UNO_PYTHON) -c 'import uno' 2>/dev/null; then \
		test -x $(UNO_VENV)/bin/python || $(UNO_PYTHON) -m venv --system-site-packages $(UNO_VENV); \
		$(UNO_VENV)/bin/python -m pip install --quiet "$$(grep -o 'unoserver==[0-9.]*' pyproject.toml)"; \
	else \
		echo "python3-uno not found: PDFs will be drawn by one soffice run per batch"; \
	fi
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# The demo's secret key and the key that encrypts TOTP seeds: each drawn at random on the first run,
# readable by its owner only, reused after.
$(KEY) $(MFA_KEY):
	mkdir -p $(VAR)
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@.new && mv $@.new $@

demo: $(STAMP) $(KEY) $(MFA_KEY)
	$(COMPILEMESSAGES)
	mkdir -p $(VAR)/static  # WhiteNoise warns of a missing STATIC_ROOT; the demo serves the apps' own files
	$(PY) -m nangsuat migrate --noinput
	# DEBUG for the seed only: it loads accounts with a published password into the embedded demo database
	# alone, and refuses any other database (or DEBUG off) unless given --force.
	DEBUG=1 $(PY) -m nangsuat seed_demo
	$(PY) -m nangsuat runserver 127.0.0.1:8000

# The whole suite, one process per CPU.
test: $(STAMP)
	$(COMPILEMESSAGES)
	$(call PYTEST)

# Everything but the browser tests, one process per CPU.
test-fast: $(STAMP)
	$(COMPILEMESSAGES)
	$(call PYTEST,-m "not browser")

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(PY) scripts/check_imports.py
	$(VENV)/bin/mypy

bench: $(STAMP) $(KEY) $(MFA_KEY)
	$(PY) -m nangsuat bench registry --rows $${ROWS:-100000}

clean:
	rm -rf $(VENV) $(UNO_VENV) var
