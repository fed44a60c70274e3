#!/usr/bin/env bash
# What one shadow database costs on a PostgreSQL test server: N cycles of CREATE DATABASE, a table with 100 rows,
# DROP DATABASE, as the engine's replays and self-checks do hundreds of times in the test suites. Prints the seconds.
# Compare a server with and without durability (.ci/run turns fsync off on its throwaway server):
#   bench/pg-shadow-database-cycle.sh 5432 10
# Needs psql and the tests' role autogen/autogen (CREATEDB) with its database autogen on 127.0.0.1:PORT.
set -euo pipefail
port=${1:-5432}
n=${2:-10}
export PGPASSWORD=${PGPASSWORD:-autogen}
start=$(date +%s%N)
for i in $(seq 1 "$n"); do
  db=bench_shadow_cycle_$$_$i
  psql -h 127.0.0.1 -p "$port" -U autogen -d autogen -qc "CREATE DATABASE $db" >/dev/null
  psql -h 127.0.0.1 -p "$port" -U autogen -d "$db" -qc \
    "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'x' FROM generate_series(1, 100) g" >/dev/null
  psql -h 127.0.0.1 -p "$port" -U autogen -d autogen -qc "DROP DATABASE $db" >/dev/null
done
end=$(date +%s%N)
echo "port $port: $n shadow database cycles in $(( (end - start) / 1000000 )) ms ($(( (end - start) / 1000000 / n )) ms each)"
