# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The site domain follows the address served, so "Pokaż na stronie", feeds and the
# sitemap link to it (base.apps syncs it after every migrate).
# The demo's superuser logs in with the printed password alone; in production the
# panel asks superusers and publishers for a code from a phone app as well.
DEV := DJANGO_DEBUG=1 DJANGO_SITE_DOMAIN=$(HOST):$(PORT) DJANGO_ADMIN_2FA_REQUIRED=0

.PHONY: run test lint install validators screenshots bench bench-load backup restore clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## Set up everything and serve the site with demo content on http://$(HOST):$(PORT)
run: $(VENV)/.installed
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_demo
	$(DEV) $(BIN)/python manage.py dev_superuser --url http://$(HOST):$(PORT)
	$(DEV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
test: $(VENV)/.installed
	$(BIN)/python -m pytest $(ARGS)

## Independent validators the tests run when present (W3C Nu HTML Checker, MDN
## HTTP Observatory), from the npm registry into .cache/npm; no install scripts run
validators:
	npm install --no-save --no-audit --no-fund --ignore-scripts --prefix .cache/npm \
		vnu-jar@26.9.27 @mdn/mdn-http-observatory@1.4.8 sitemap@9.0.1
	@# Its install script would download the HSTS preload list: an empty one works.
	@f=.cache/npm/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json; \
		test -f $$f || echo '{}' > $$f

## Refresh the catalogues (pl, uk, en) from the templates and code, then compile
## them; translate what is new or marked fuzzy in locale/*/LC_MESSAGES/django.po.
MESSAGES := -l pl -l uk -l en --no-location --no-obsolete --ignore=.venv --ignore=.cache \
	--ignore=tests --ignore=bench --ignore=docs --ignore=staticfiles --ignore=media
messages: $(VENV)/.installed
	$(DEV) $(BIN)/python manage.py makemessages $(MESSAGES)
	$(DEV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=.cache

## Linters and Django's own checks
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py check
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

## Median response times of the main pages with 2000 articles (bench/run.py)
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/upload_memory.py
	$(BIN)/python bench/history_cost.py
	$(BIN)/python bench/search_analysers.py

## Load test (issue #16): 10,000 articles, gunicorn as in production (pages rendered,
## and from the page cache in Redis), wrk with 16 connections, side by side with a
## bare Django view; writes docs/performance.md. BENCH_REUSE=1: no seeding.
bench-load: $(VENV)/.installed
	@command -v wrk >/dev/null || (echo "wrk is missing: apt-get install wrk" && exit 2)
	@command -v redis-server >/dev/null || \
		(echo "redis-server is missing: apt-get install redis-server" && exit 2)
	$(BIN)/python bench/load.py

## Back up the database (DATABASE_URL) and uploads (MEDIA_ROOT) into backups/<time>/
backup:
	MEDIA_ROOT="$${MEDIA_ROOT:-media}" sh deploy/backup.sh backups

## Restore BACKUP=backups/<time> into an empty database and media directory
restore:
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backups/<time>" && exit 2)
	MEDIA_ROOT="$${MEDIA_ROOT:-media}" sh deploy/restore.sh "$(BACKUP)"

## Screenshots of the main pages (390 px and 1280 px) into docs/screenshots/
screenshots: $(VENV)/.installed
	$(BIN)/python docs/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
