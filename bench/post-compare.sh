#!/usr/bin/env bash
# POST /pets throughput of several builds of the Pet Manager, measured in turns (A B C, A B C, ...) so that load from
# other processes on the machine falls on every build alike. Each turn starts the build's jar on a fresh database,
# seeds 5 users, warms POST up for WARMUP seconds (default 20), then measures it for DURATION seconds (default 10)
# with wrk -t2 -c32 on loopback. Usage: bench/post-compare.sh ROUNDS NAME=path/to/quarkus-run.jar ...
# Prints one line per turn and, per build, the median req/s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:?rounds}
shift
PORT=${BENCH_PORT:-18090}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-10}
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$PORT"
ready="http://127.0.0.1:$((PORT + 1000))/q/health/ready" # the management interface's port

turn() { # name jar round
  rm -rf "$work/data"
  java --enable-native-access=ALL-UNNAMED -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1000))" -Dpet-manager.db.path="$work/data/bench.db" \
      -Dquarkus.log.level=WARN -jar "$2" >"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "$ready" >/dev/null && break; sleep 0.5; done
  curl -fs "$ready" >/dev/null || { cat "$work/service.log"; exit 1; }
  for u in 1 2 3 4 5; do
    curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"name\":\"User $u\",\"email\":\"u$u@bench.example\"}" "$base/users"
  done
  BENCH_MODE=post BENCH_OWNERS=5 wrk -t2 -c32 -d"${WARMUP}s" -s bench/http-requests.lua "$base" >/dev/null
  result=$(BENCH_MODE=post BENCH_OWNERS=5 wrk -t2 -c32 -d"${DURATION}s" -s bench/http-requests.lua "$base" | grep '^RESULT')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$result" | awk -v name="$1" -v round="$3" '{ printf "round %d %-10s POST %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  non-2xx %d\n", round, name, $3, $4, $5, $6 }'
}

for round in $(seq 1 "$ROUNDS"); do
  for build in "$@"; do
    turn "${build%%=*}" "${build#*=}" "$round"
  done
done | tee "$work/turns"
echo
for build in "$@"; do
  name=${build%%=*}
  values=$(awk -v name="$name" '$3 == name { print $5 }' "$work/turns" | sort -n)
  n=$(echo "$values" | wc -l)
  median=$(echo "$values" | awk -v n="$n" 'NR == int((n + 1) / 2) { lo = $1 } NR == int(n / 2) + 1 { hi = $1 } END { printf "%.0f", (lo + hi) / 2 }')
  printf '%-10s median POST %s req/s over %d turns (%s)\n' "$name" "$median" "$n" "$(echo $values)"
done
