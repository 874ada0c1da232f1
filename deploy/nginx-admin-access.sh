#!/bin/sh
# Writes nginx's rule for who may open the panel, from the same variables Django
# reads: DJANGO_ADMIN_URL (the panel's address) and DJANGO_ADMIN_ALLOWED_NETWORKS
# (comma-separated addresses or networks; empty: everyone). Run by the nginx
# image at start-up (/docker-entrypoint.d/); the output path may be given.
set -eu
out="${1:-/etc/nginx/mops-admin-access.conf}"
admin=$(printf '%s' "${DJANGO_ADMIN_URL:-admin/}" | sed 's#^/*##; s#/*$##')
# The address is matched as a regular expression: escape what is special there.
admin_regex=$(printf '%s' "$admin" | sed 's/[].[\\*^$()+?{}|]/\\&/g')
networks=$(printf '%s' "${DJANGO_ADMIN_ALLOWED_NETWORKS:-}" | tr ',' ' ')
{
  echo "# Written by nginx-admin-access.sh; edit the variables, not this file."
  echo "geo \$mops_admin_network {"
  if [ -z "$(echo $networks)" ]; then
    echo "    default 1;"
  else
    echo "    default 0;"
    for network in $networks; do
      echo "    $network 1;"
    done
  fi
  echo "}"
  echo "map \"\$mops_admin_network:\$uri\" \$mops_admin_refused {"
  echo "    # Not cached: the branded error page (an internal redirect) must pass."
  echo "    volatile;"
  echo "    default 0;"
  echo "    \"~^0:/$admin_regex/\" 1;"
  echo "}"
} > "$out"
