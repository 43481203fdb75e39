#!/usr/bin/env bash
# The test command. On a fresh Debian 12 machine with the .NET 10 SDK and Node.js 20 it installs what the tests need,
# then runs every test:
#   - the npm test oracles and the Agents Playground (tests/node, `npm ci`) when they are missing;
#   - PostgreSQL 15 from Debian's packages when `pg_ctlcluster` or `psql` is missing (needs root or sudo);
#   - starts the PostgreSQL cluster when it is down, creates the test role and database (idempotent);
#   - exports EVALBOT_TEST_POSTGRES (the Npgsql connection string the PostgreSQL tests use) and runs
#     `dotnet test EvalBot.sln`, passing on any extra arguments (e.g. --filter ...), and returns its exit code.
# With EVALBOT_TEST_POSTGRES already set, that server is used as it is and nothing is installed or started for it.
set -euo pipefail
cd "$(dirname "$0")"

readonly ROLE=evalbot_test
readonly PASSWORD=evalbot_test
readonly DATABASE=evalbot_test

say() { printf '== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "this step needs root or sudo: $*"
  fi
}

# Runs a command as the postgres system user (PostgreSQL refuses to run as root).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -u postgres "$@"
  else
    die "this step needs root or sudo (to act as the postgres user): $*"
  fi
}

install_npm_packages() {
  if [ -f tests/node/node_modules/.package-lock.json ]; then
    say "npm test oracles: already installed"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js 20 (with npm) first"
  say "npm test oracles and the Agents Playground (npm ci in tests/node)"
  (cd tests/node && npm ci --no-audit --no-fund)
}

install_postgres() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
    say "PostgreSQL: installed ($(psql --version))"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is missing and apt-get is not available: install PostgreSQL 15, or set EVALBOT_TEST_POSTGRES"
  say "PostgreSQL: installing from Debian's packages (apt-get, needs root or sudo)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  command -v pg_ctlcluster >/dev/null 2>&1 || die "apt-get installed postgresql but pg_ctlcluster is still missing"
}

# Prints "<version> <cluster> <port> <status>" of the cluster to use, creating one when the machine has none.
cluster_line() {
  local line
  line=$(pg_lsclusters --no-header 2>/dev/null | awk 'NF >= 4 { print $1, $2, $3, $4; exit }')
  if [ -z "$line" ]; then
    local version
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n 1)
    [ -n "$version" ] || die "no PostgreSQL server under /usr/lib/postgresql"
    say "PostgreSQL: creating cluster $version/main" >&2
    as_root pg_createcluster "$version" main >&2
    line=$(pg_lsclusters --no-header | awk 'NF >= 4 { print $1, $2, $3, $4; exit }')
  fi
  printf '%s\n' "$line"
}

start_postgres() {
  local line version cluster status
  line=$(cluster_line)
  read -r version cluster PORT status <<<"$line"
  if [ "$status" != online ]; then
    say "PostgreSQL: starting cluster $version/$cluster on port $PORT"
    as_root pg_ctlcluster "$version" "$cluster" start || true
  else
    say "PostgreSQL: cluster $version/$cluster running on port $PORT"
  fi
  local deadline=$((SECONDS + 60))
  until pg_isready -q -h 127.0.0.1 -p "$PORT"; do
    [ "$SECONDS" -lt "$deadline" ] || die "PostgreSQL $version/$cluster did not accept connections on 127.0.0.1:$PORT within 60 s (see /var/log/postgresql/)"
    sleep 1
  done
}

psql_admin() {
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"
}

create_role_and_database() {
  say "PostgreSQL: role and database '$DATABASE' for the tests"
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
  fi
  # Each test class creates and drops its own database, so the role needs CREATEDB; the password is reset in case
  # someone changed it.
  psql_admin -c "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
  fi
}

install_npm_packages

if [ -n "${EVALBOT_TEST_POSTGRES:-}" ]; then
  say "PostgreSQL: using EVALBOT_TEST_POSTGRES from the environment"
else
  PORT=5432
  install_postgres
  start_postgres
  create_role_and_database
  export EVALBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
fi

say "dotnet test EvalBot.sln $*"
status=0
dotnet test EvalBot.sln "$@" || status=$?
exit "$status"
