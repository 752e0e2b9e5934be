#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1:5432 with a `newsprism` user and test database.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='newsprism'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE newsprism LOGIN PASSWORD 'newsprism' CREATEDB\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='newsprism_test'\"" | grep -q 1 ||
  su postgres -c "createdb -O newsprism newsprism_test"
