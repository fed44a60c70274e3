#!/usr/bin/env bash
# HTTP benchmark of the packaged Pet Manager on a fresh SQLite database, driven by wrk over loopback.
# Prints req/s, p50/p99 latency and error counts per endpoint, and the ratios to the endpoint that touches no
# database. Usage: bench/http.sh [seconds per run, default 15]. SKIP_BUILD=1 reuses the built jar; WARMUP=<seconds>
# sets the warm-up per endpoint (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
PORT=${BENCH_PORT:-18080}
THREADS=2
CONNECTIONS=32
WARMUP=${WARMUP:-20}

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -pl pet-manager -am -Dmaven.test.skip=true
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

java --enable-native-access=ALL-UNNAMED -Dquarkus.http.port="$PORT" -Dpet-manager.db.path="$work/data/bench.db" \
    -Dquarkus.log.level=WARN -jar pet-manager/target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do curl -fs "$base/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -fs "$base/q/health/ready" >/dev/null || { cat "$work/service.log"; exit 1; }

echo "seeding 50 users and 1000 pets ..."
for u in $(seq 1 50); do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"name\":\"User $u\",\"email\":\"user$u@bench.example\"}" "$base/users"
done
for p in $(seq 1 1000); do
  printf '{"name":"Pet %d","species":"CAT","ownerId":%d}\n' "$p" $(( (p % 50) + 1 ))
done | while read -r body; do curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/pets"; done

run() {
  BENCH_MODE=$1 BENCH_MAX_ID=1000 BENCH_OWNERS=50 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
    -s bench/http-requests.lua "$base" | grep '^RESULT'
}
# Every endpoint's code path is warmed up before any is measured: the JIT needs ~30 s of a write path to reach steady
# state (a cold POST run measured a third of the warm figure), and the ratios compare steady states.
echo "warming up each endpoint for ${WARMUP}s ..."
for mode in index get-by-id list post; do
  BENCH_MODE=$mode BENCH_MAX_ID=1000 BENCH_OWNERS=50 wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/http-requests.lua "$base" >/dev/null
done

results=$( run index; run get-by-id; run list; run post )
echo
echo "Pet Manager HTTP benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, JVM $(java -version 2>&1 | head -1)"
echo "$results" | awk '
  { rps[$2]=$3; p50[$2]=$4; p99[$2]=$5; non2xx[$2]=$6; sock[$2]=$7; n[$2]=$8; order[NR]=$2 }
  END {
    printf "%-12s %10s %10s %10s %9s %9s %9s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "sock-err"
    name["index"]="GET / (no DB)"; name["get-by-id"]="GET /pets/{id}"; name["list"]="GET /pets?size=20"; name["post"]="POST /pets"
    for (i = 1; i <= NR; i++) { m = order[i]
      printf "%-18s %8.0f %10.2f %10.2f %9d %9d %9d\n", name[m], rps[m], p50[m], p99[m], n[m], non2xx[m], sock[m] }
    printf "\nratio GET-by-id / no-DB: %.2f (target >= 0.5)\n", rps["get-by-id"] / rps["index"]
    printf "ratio POST / no-DB:      %.2f (target >= 0.1)\n", rps["post"] / rps["index"]
    errors = 0; for (m in non2xx) errors += non2xx[m] + sock[m]
    printf "errors (non-2xx + socket): %d (target 0)\n", errors
  }'
rows=$(sqlite3 "$work/data/bench.db" 'SELECT count(*) FROM pets' 2>/dev/null || echo "?")
echo "pets stored after the run: $rows"
