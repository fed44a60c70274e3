#!/usr/bin/env bash
# HTTP benchmark of the packaged Pet Manager, JVM jar and native executable in one run, each on a fresh SQLite
# database, driven by wrk over loopback. Prints per artifact req/s, p50/p99 latency and error counts per endpoint,
# the ratios to the endpoint that touches no database, the resident set size after the run, and native/JVM ratios.
# Usage: bench/http.sh [seconds per run, default 15]. SKIP_BUILD=1 reuses the built jar; WARMUP=<seconds> sets the
# warm-up per endpoint (default 20). JAR=<quarkus-run.jar> and NATIVE=<executable> choose the artifacts (NATIVE=none
# measures the JVM alone; the native one is skipped when absent); JAVA_OPTS replaces the JVM options of the
# documented run line, NATIVE_OPTS adds options to the executable's command line.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
PORT=${BENCH_PORT:-18080}
THREADS=2
CONNECTIONS=32
WARMUP=${WARMUP:-20}
JAR=${JAR:-pet-manager/target/quarkus-app/quarkus-run.jar}
NATIVE=${NATIVE:-pet-manager/target/pet-manager-1.0.0-SNAPSHOT-runner}
# The README's run line for the jar: the heap is a quarter of the memory the service is given (as in the container
# image), here 512 MiB, rather than a quarter of the machine's (see the README). JAVA_OPTS= measures JVM defaults.
JAVA_OPTS=${JAVA_OPTS--XX:MaxRAM=512m -XX:MaxRAMPercentage=25}
NATIVE_OPTS=${NATIVE_OPTS:-}

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -pl pet-manager -am -Dmaven.test.skip=true
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$PORT"

run() { # artifact mode
  BENCH_MODE=$2 BENCH_MAX_ID=1000 BENCH_OWNERS=50 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
    -s bench/http-requests.lua "$base" | grep '^RESULT' | sed "s/^RESULT/RESULT $1/"
}

measure() { # artifact command...
  local artifact=$1
  shift
  rm -rf "$work/data"
  QUARKUS_HTTP_PORT=$PORT PET_MANAGER_DB_PATH=$work/data/bench.db QUARKUS_LOG_LEVEL=WARN "$@" >"$work/$artifact.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do curl -fs "$base/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -fs "$base/q/health/ready" >/dev/null || { cat "$work/$artifact.log" >&2; exit 1; }
  echo "$artifact: seeding 50 users and 1000 pets, load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
  for u in $(seq 1 50); do
    curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"name\":\"User $u\",\"email\":\"user$u@bench.example\"}" "$base/users"
  done
  for p in $(seq 1 1000); do
    printf '{"name":"Pet %d","species":"CAT","ownerId":%d}\n' "$p" $(( (p % 50) + 1 ))
  done | while read -r body; do curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/pets"; done
  # Every endpoint's code path is warmed up before any is measured: the JIT needs ~30 s of a write path to reach
  # steady state (a cold POST run measured a third of the warm figure), and the ratios compare steady states.
  echo "$artifact: warming up each endpoint for ${WARMUP}s ..." >&2
  for mode in index get-by-id list post; do
    BENCH_MODE=$mode BENCH_MAX_ID=1000 BENCH_OWNERS=50 wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/http-requests.lua "$base" >/dev/null
  done
  run "$artifact" index; run "$artifact" get-by-id; run "$artifact" list; run "$artifact" post
  echo "RSS $artifact $(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' /proc/$pid/status)"
  echo "LOAD $artifact $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "PETS $artifact $(sqlite3 "$work/data/bench.db" 'SELECT count(*) FROM pets' 2>/dev/null || echo '?')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
}

# Not in a $(...) subshell: the trap above must see the running service's pid.
# shellcheck disable=SC2086 # the options are words
measure jvm java $JAVA_OPTS --enable-native-access=ALL-UNNAMED -jar "$JAR" >>"$work/results"
if [ "$NATIVE" != none ] && [ -x "$NATIVE" ]; then
  # shellcheck disable=SC2086
  measure native "$NATIVE" $NATIVE_OPTS >>"$work/results"
else
  echo "(no native executable at $NATIVE: build it with ./mvnw package -Dnative, or set NATIVE)" >&2
fi

echo
echo "Pet Manager HTTP benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, warm-up ${WARMUP}s per endpoint"
echo "JVM: $(java -version 2>&1 | head -1), options: $JAVA_OPTS; native: $NATIVE $NATIVE_OPTS"
awk '
  $1 == "RESULT" { a = $2; m = $3; rps[a, m] = $4; p50[a, m] = $5; p99[a, m] = $6; non2xx[a, m] = $7; sock[a, m] = $8; n[a, m] = $9
                   if (!(a in seen)) { seen[a] = 1; artifacts[++count] = a } }
  $1 == "RSS" { rss[$2] = $3 }
  $1 == "LOAD" { load[$2] = $3 " " $4 " " $5 }
  $1 == "PETS" { pets[$2] = $3 }
  END {
    name["index"] = "GET / (no DB)"; name["get-by-id"] = "GET /pets/{id}"; name["list"] = "GET /pets?size=20"; name["post"] = "POST /pets"
    split("index get-by-id list post", modes, " ")
    for (i = 1; i <= count; i++) { a = artifacts[i]
      printf "\n%s (load average after the run %s)\n", a, load[a]
      printf "%-18s %8s %10s %10s %9s %9s %9s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "sock-err"
      errors = 0
      for (j = 1; j <= 4; j++) { m = modes[j]
        printf "%-18s %8.0f %10.2f %10.2f %9d %9d %9d\n", name[m], rps[a, m], p50[a, m], p99[a, m], n[a, m], non2xx[a, m], sock[a, m]
        errors += non2xx[a, m] + sock[a, m] }
      printf "ratio GET-by-id / no-DB: %.2f (target >= 0.5), POST / no-DB: %.2f (target >= 0.1)\n", rps[a, "get-by-id"] / rps[a, "index"], rps[a, "post"] / rps[a, "index"]
      printf "errors (non-2xx + socket): %d (target 0); RSS after the run: %s MiB; pets stored: %s\n", errors, rss[a], pets[a]
    }
    if (("jvm", "index") in rps && ("native", "index") in rps) {
      printf "\nnative / JVM:"
      for (j = 1; j <= 4; j++) { m = modes[j]; printf " %s %.2f%s", name[m], rps["native", m] / rps["jvm", m], (j > 1 ? " (target >= 0.7)" : "") ; printf (j < 4 ? ";" : "\n") }
      printf "native / JVM RSS: %.2f (target <= 0.25); JVM RSS target <= 300 MiB\n", rss["native"] / rss["jvm"]
    }
  }' "$work/results"
