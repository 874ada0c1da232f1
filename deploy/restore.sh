#!/bin/sh
# Restores a backup made by backup.sh into an EMPTY database and media directory.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/app/media deploy/restore.sh backups/<timestamp>
#
# Refuses to touch a database that has tables or a media directory that has files,
# so a restore never mixes two sites. In Docker: see docs/deployment.md.
set -eu

: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
source="${1:-${BACKUP:-}}"
[ -n "$source" ] || { echo "usage: restore.sh BACKUP_FOLDER" >&2; exit 2; }
[ -f "$source/database.dump" ] && [ -f "$source/media.tar.gz" ] || {
    echo "restore: $source has no database.dump and media.tar.gz" >&2; exit 2; }

( cd "$source" && sha256sum -c --quiet SHA256SUMS ) || {
    echo "restore: the backup's checksums do not match; it may be damaged" >&2; exit 1; }

tables="$(psql --dbname="$DATABASE_URL" -Atc \
    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [ "$tables" != "0" ]; then
    echo "restore: the database is not empty ($tables tables); create an empty one" >&2
    exit 1
fi
mkdir -p "$MEDIA_ROOT"
if [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
    echo "restore: $MEDIA_ROOT is not empty" >&2
    exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
    "$source/database.dump"
tar -xzf "$source/media.tar.gz" -C "$MEDIA_ROOT"
echo "restore: done from $source"
