#!/bin/sh
# Backs up the database (pg_dump custom format) and the uploaded files.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/app/media deploy/backup.sh [BACKUP_DIR]
#
# Writes BACKUP_DIR/<timestamp>/database.dump and media.tar.gz and prints the
# folder. In Docker: docker compose run --rm backup (see docs/deployment.md).
set -eu

: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
BACKUP_DIR="${1:-${BACKUP_DIR:-backups}}"

stamp="$(date -u +%Y%m%d-%H%M%S)"
target="$BACKUP_DIR/$stamp"
mkdir -p "$target"

# dj-database-url accepts postgres://, libpq wants postgresql:// (both work for it).
pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" \
    --dbname="$DATABASE_URL"

mkdir -p "$MEDIA_ROOT"
tar -czf "$target/media.tar.gz" -C "$MEDIA_ROOT" .

( cd "$target" && sha256sum database.dump media.tar.gz > SHA256SUMS )
echo "$target"
