#!/bin/sh
# Patroni's post_bootstrap: runs once on the first primary with a superuser connection string.
# Creates the app's role and database with PostGIS (the app's first migration also asks for it).
set -eu
psql "$1" -v ON_ERROR_STOP=1 -c "CREATE ROLE civic LOGIN PASSWORD 'change-me-app'"
psql "$1" -v ON_ERROR_STOP=1 -c "CREATE DATABASE civic OWNER civic"
psql "$(echo "$1" | sed 's#/[^/?]*\(?\|$\)#/civic\1#')" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS postgis"
