#!/bin/sh
# Starts the web application: waits for the database, migrates, then runs gunicorn.
# Used by the Docker image and runnable outside Docker (the tests do).
set -eu

cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python}"
WAIT_SECONDS="${DATABASE_WAIT_SECONDS:-60}"

echo "entrypoint: waiting up to ${WAIT_SECONDS}s for the database"
"$PYTHON" - "$WAIT_SECONDS" <<'PY'
import sys, time
import django
django.setup()
from django.db import connection
from django.db.utils import OperationalError

deadline = time.monotonic() + float(sys.argv[1])
while True:
    try:
        connection.ensure_connection()
        break
    except OperationalError as error:
        if time.monotonic() > deadline:
            sys.exit(f"entrypoint: the database did not answer: {error}")
        time.sleep(1)
print("entrypoint: the database answers")
PY

"$PYTHON" manage.py migrate --noinput

exec "$PYTHON" -m gunicorn mops_site.wsgi:application \
    --bind "${GUNICORN_BIND:-0.0.0.0:8000}" \
    --workers "${GUNICORN_WORKERS:-3}" \
    --threads "${GUNICORN_THREADS:-2}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --graceful-timeout "${GUNICORN_GRACEFUL_TIMEOUT:-30}" \
    --max-requests "${GUNICORN_MAX_REQUESTS:-1000}" \
    --max-requests-jitter "${GUNICORN_MAX_REQUESTS_JITTER:-100}" \
    --forwarded-allow-ips "${GUNICORN_FORWARDED_ALLOW_IPS:-*}" \
    --access-logfile - \
    --error-logfile -
