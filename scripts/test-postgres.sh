#!/usr/bin/env bash
# Make sure a local PostgreSQL server is running with a test database, and print
# its SQLAlchemy URL on stdout (everything else goes to stderr).
#
# Uses Debian's packages: installs `postgresql` when it is missing (needs root
# or sudo), starts the cluster, creates the role and database `weerbaar_test`.
# Exit status 1 (and nothing on stdout) when PostgreSQL cannot be provided;
# `make test` then runs the database tests on SQLite only, except under CI,
# where the tests fail instead (tests/conftest.py).
set -euo pipefail
# fd 3 carries the URL to the caller; everything else goes to stderr.
exec 3>&1 1>&2

DB=weerbaar_test
USER_NAME=weerbaar_test
PASSWORD=weerbaar_test
PORT=${WEERBAAR_TEST_PG_PORT:-5432}

# Commands run with fd 3 closed and stdin from /dev/null: the PostgreSQL server
# started by pg_ctlcluster would otherwise inherit fd 3, the caller's
# `$(...)` pipe, and the caller would wait for it to close forever.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@" 3>&- </dev/null
  elif command -v sudo >/dev/null; then sudo -n "$@" 3>&- </dev/null
  else return 1; fi
}

if ! command -v pg_ctlcluster >/dev/null; then
  echo "installing PostgreSQL from Debian's packages..."
  apt_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  apt_install || { as_root apt-get update -qq && apt_install; } || {
    echo "could not install PostgreSQL (no root or sudo?)"; exit 1; }
fi
VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2" "$4}' | grep -q "^$VERSION main online"; then
  if ! pg_lsclusters -h | grep -q "^$VERSION main"; then
    as_root pg_createcluster "$VERSION" main >/dev/null
  fi
  # The server outlives this script: start it holding no descriptor but 0-2.
  (
    for fd in $(ls /proc/$BASHPID/fd); do
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    as_root pg_ctlcluster "$VERSION" main start
  ) || { echo "could not start PostgreSQL"; exit 1; }
fi
psql_admin() { as_root runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }
for _ in $(seq 1 30); do psql_admin -c "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$USER_NAME'")" != 1 ]; then
  psql_admin -c "create role $USER_NAME login password '$PASSWORD'"
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname='$DB'")" != 1 ]; then
  psql_admin -c "create database $DB owner $USER_NAME"
fi
echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB" >&3
