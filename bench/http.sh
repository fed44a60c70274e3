#!/usr/bin/env bash
# HTTP benchmark of the packaged Pet Manager, driven by wrk over loopback: the JVM jar and the native executable in
# one run, each on a fresh database, SQLite (default) or PostgreSQL, on PostgreSQL also as several replicas behind
# nginx. Prints per artifact and set-up req/s, p50/p99 latency and error counts per endpoint, the ratios to the
# endpoint that touches no database, the resident set size after the run, whether every POST acknowledged in the
# measured run is a stored row, and native/JVM ratios. The API endpoints are called with a bearer token (an admin's,
# from a key pair made for the run with openssl, which the services verify as they would a provider's); the index
# endpoint, which touches no database, without one.
#
# Usage: bench/http.sh [seconds per run, default 15]
#   SKIP_BUILD=1            reuse the built jar (the build is `./mvnw package`, with -Ppostgresql for PostgreSQL)
#   WARMUP=<seconds>        warm-up per endpoint and round (default 20); rounds repeat until the JVM's JIT compilers
#                           used under 1 % of a round's time, at most WARMUP_ROUNDS (default 6)
#   JAR=<quarkus-run.jar>, NATIVE=<executable>   the artifacts (none: skip it; the native one is skipped when absent)
#   JAVA_OPTS, NATIVE_OPTS  replace the JVM options of the documented run line / add options to the executable's
#   DATABASE=postgresql     a PostgreSQL build, on the server of the usual libpq variables (PGHOST, PGPORT, PGUSER,
#                           PGPASSWORD; default localhost:5432, petmanager/petmanager, a role with CREATEDB); each
#                           measurement gets a new database petmgr_bench. Debian's cluster is started if it is down.
#   SETUPS="1 1lb 2"        PostgreSQL only (the default there): 1 = one replica, direct; 1lb = one replica behind
#                           nginx; 2 = two replicas behind nginx (docker/nginx.conf, on loopback)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
PORT=${BENCH_PORT:-18080}
THREADS=2
CONNECTIONS=32
WARMUP=${WARMUP:-20}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-6}
DATABASE=${DATABASE:-sqlite}
JAR=${JAR:-pet-manager/target/quarkus-app/quarkus-run.jar}
NATIVE=${NATIVE:-pet-manager/target/pet-manager-1.0.0-SNAPSHOT-runner}
# The README's run line for the jar: the heap is a quarter of the memory the service is given (as in the container
# image), here 512 MiB, rather than a quarter of the machine's, and the serial collector, which the JVM picks by itself
# in a container of that size (see the README). JAVA_OPTS= measures JVM defaults.
JAVA_OPTS=${JAVA_OPTS--XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC}
NATIVE_OPTS=${NATIVE_OPTS:-}
# glibc's malloc arenas for the JVM, as on the run line: 2 instead of 8 per core (MALLOC_ARENAS= for glibc's default)
MALLOC_ARENAS=${MALLOC_ARENAS-2}
case $DATABASE in
  sqlite) SETUPS=${SETUPS:-1}; build_profile= ;;
  postgresql) SETUPS=${SETUPS:-1 1lb 2}; build_profile=-Ppostgresql ;;
  *) echo "DATABASE must be sqlite or postgresql, not '$DATABASE'" >&2; exit 2 ;;
esac
for setup in $SETUPS; do
  case $DATABASE/$setup in
    */1 | postgresql/1lb | postgresql/2) ;;
    *) echo "setup '$setup' is not one of: 1 (SQLite and PostgreSQL), 1lb and 2 (PostgreSQL: replicas share its database)" >&2
       exit 2 ;;
  esac
done

sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; $sudo apt-get install -y -qq wrk >/dev/null; }
[ "$DATABASE" != sqlite ] || command -v sqlite3 >/dev/null || $sudo apt-get install -y -qq sqlite3 >/dev/null
if [ "$DATABASE" = postgresql ]; then
  export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-petmanager} PGPASSWORD=${PGPASSWORD:-petmanager}
  if ! pg_isready -q && command -v pg_ctlcluster >/dev/null; then
    echo "starting Debian's PostgreSQL cluster" >&2
    pg_ctlcluster "$(pg_lsclusters -h | awk 'NR == 1 { print $1 }')" main start
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 0.5; done
  fi
  psql -d postgres -qtAc 'SELECT 1' >/dev/null || {
    echo "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER: start a server and create the role, e.g." >&2
    echo "  runuser -u postgres -- psql -c \"CREATE ROLE petmanager LOGIN CREATEDB PASSWORD 'petmanager'\"" >&2
    exit 1
  }
fi
if [[ " $SETUPS " == *lb* || " $SETUPS " == *" 2 "* ]] && ! command -v nginx >/dev/null; then
  echo "installing nginx (Debian package), the balancer of docker/compose.yaml" >&2
  # no service start from the package's scripts: the benchmark runs its own instance on loopback
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  $sudo rm -f /usr/sbin/policy-rc.d
fi
# shellcheck disable=SC2086 # an empty profile is no argument
[ "${SKIP_BUILD:-0}" = 1 ] || [ "$JAR" = none ] || ./mvnw -B -q package -pl pet-manager -am -Dmaven.test.skip=true $build_profile

work=$(mktemp -d)
pids=()
# The run's token issuer: an RSA key pair, the public half given to the services as their provider's key, and one
# RS256 token for an admin (every pet is reachable), valid for the whole run.
command -v openssl >/dev/null || $sudo apt-get install -y -qq openssl >/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/issuer.key" 2>/dev/null
openssl pkey -in "$work/issuer.key" -pubout -out "$work/issuer.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$work/issuer.pem MP_JWT_VERIFY_ISSUER=urn:pet-manager:bench
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
token_input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '{"iss":"urn:pet-manager:bench","aud":"pet-manager","sub":"bench-admin","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 86400)) | b64url)"
export BENCH_TOKEN="$token_input.$(printf '%s' "$token_input" | openssl dgst -sha256 -sign "$work/issuer.key" -binary | b64url)"
auth=(-H "Authorization: Bearer $BENCH_TOKEN")
stop_all() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT
base="http://127.0.0.1:$PORT"

fresh_database() {
  if [ "$DATABASE" = postgresql ]; then
    # an autovacuum worker still on the last measurement's database (the bootstrap superuser's process, which this
    # role may not terminate) makes the drop fail for a moment: try again
    local attempt
    for attempt in $(seq 1 30); do
      PGOPTIONS=--client-min-messages=warning psql -d postgres -q -c 'DROP DATABASE IF EXISTS petmgr_bench WITH (FORCE)' \
        2>/dev/null && break
      sleep 1
    done
    psql -d postgres -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE petmgr_bench'
  else
    rm -rf "$work/data"
  fi
}

delete_warm_up_pets() {
  if [ "$DATABASE" = postgresql ]; then psql -d petmgr_bench -qtAc 'DELETE FROM pets WHERE id > 1000' >/dev/null
  else sqlite3 -cmd '.timeout 30000' "$work/data/bench.db" 'DELETE FROM pets WHERE id > 1000'; fi
}

stored_pets() {
  if [ "$DATABASE" = postgresql ]; then psql -d petmgr_bench -qtAc 'SELECT count(*) FROM pets'
  else sqlite3 "$work/data/bench.db" 'SELECT count(*) FROM pets' 2>/dev/null || echo '?'; fi
}

# health and metrics are on each service's management interface: its API port + 1000
management_port() { echo $(($1 + 1000)); }

start_service() { # log-name port command...
  local name=$1 port=$2
  shift 2
  if [ "$DATABASE" = postgresql ]; then
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/petmgr_bench" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
      QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
      QUARKUS_LOG_LEVEL=WARN "$@" >"$work/$name.log" 2>&1 &
  else
    PET_MANAGER_DB_PATH=$work/data/bench.db QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$(management_port "$port") \
      QUARKUS_LOG_LEVEL=WARN "$@" >"$work/$name.log" 2>&1 &
  fi
  pids+=($!)
}

start_balancer() { # replica ports...: docker/nginx.conf with loopback addresses and no access log
  local upstreams=""
  for p in "$@"; do upstreams+="        server 127.0.0.1:$p max_fails=1 fail_timeout=5s;\n"; done
  awk -v ups="$upstreams" -v listen="127.0.0.1:$PORT" '
    /server pet-manager-/ { if (!done++) printf "%s", ups; next }
    /^ *listen 8080;/ { sub("8080", listen) }
    /^http \{/ { print; print "    access_log off;"; next }
    { print }' docker/nginx.conf >"$work/nginx.conf"
  mkdir -p "$work/nginx"
  nginx -p "$work/nginx" -c "$work/nginx.conf" -e "$work/nginx/error.log" -g "daemon off; pid $work/nginx/nginx.pid;" &
  pids+=($!)
}

wait_ready() { # url log-name: a service's readiness (management port), or the balancer's first answer
  for _ in $(seq 1 240); do curl -fs "$1" >/dev/null && return; sleep 0.5; done
  cat "$work/$2.log" >&2
  exit 1
}

jit_cpu_ms() { # pids...: CPU time of their JIT compiler threads (HotSpot's C1 and C2), in milliseconds
  local p t total=0
  for p in "$@"; do
    for t in /proc/"$p"/task/*; do
      case $(cat "$t/comm" 2>/dev/null) in C1\ * | C2\ *) total=$((total + $(awk '{ print $14 + $15 }' "$t/stat"))) ;; esac
    done
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}

load() { # label mode seconds: one wrk run, its machine-readable line prefixed with the label
  BENCH_MODE=$2 BENCH_MAX_ID=1000 BENCH_OWNERS=50 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" \
    -s bench/http-requests.lua "$base" | grep '^RESULT' | sed "s/^RESULT/RESULT $1/"
}

measure() { # label setup command...
  local label=$1 setup=$2 ports=() p
  shift 2
  fresh_database
  case $setup in
    1) start_service "$label" "$PORT" "$@"; ports=("$PORT") ;;
    1lb) ports=($((PORT + 1))) ;;
    2) ports=($((PORT + 1)) $((PORT + 2))) ;;
  esac
  if [ "$setup" != 1 ]; then
    # replicas start at the same moment, as in the compose file: one migrates, the other waits on Flyway's lock
    for p in "${ports[@]}"; do start_service "$label-$p" "$p" "$@"; done
    for p in "${ports[@]}"; do wait_ready "http://127.0.0.1:$(management_port "$p")/q/health/ready" "$label-$p"; done
    start_balancer "${ports[@]}"
    wait_ready "$base/" "$label"
  else
    wait_ready "http://127.0.0.1:$(management_port "$PORT")/q/health/ready" "$label"
  fi
  local service_pids=("${pids[@]:0:${#ports[@]}}")
  echo "$label: seeding 50 users and 1000 pets, load average $(cut -d' ' -f1-3 /proc/loadavg) ..." >&2
  for u in $(seq 1 50); do
    curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"User $u\",\"email\":\"user$u@bench.example\"}" "$base/users"
  done
  for p in $(seq 1 1000); do
    printf '{"name":"Pet %d","species":"CAT","ownerId":%d}\n' "$p" $(( (p % 50) + 1 ))
  done | while read -r body; do curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$base/pets"; done
  # Every endpoint's code path is warmed up before any is measured, in rounds, until the JIT has (nearly) stopped
  # compiling: on 2 busy cores the compiler threads get little CPU, and a JVM measured while they still work runs
  # part of its code interpreted (PostgreSQL's POST measured 1,000 req/s after one 15 s round, 2,400 after four).
  # The executable compiles nothing at run time: one round.
  local round jit_before jit_ms
  for round in $(seq 1 "$WARMUP_ROUNDS"); do
    echo "$label: warm-up round $round, each endpoint for ${WARMUP}s ..." >&2
    jit_before=$(jit_cpu_ms "${service_pids[@]}")
    for mode in index get-by-id list post; do load "$label" "$mode" "$WARMUP" | sed 's/^RESULT/WARMUP/'; done
    jit_ms=$(($(jit_cpu_ms "${service_pids[@]}") - jit_before))
    echo "$label: the JIT compilers used $jit_ms ms of CPU in that round" >&2
    [ "$jit_ms" -gt $((WARMUP * 4 * 10)) ] || break # under 1 % of the round
  done
  echo "WARMED $label $round"
  # The warm-up's POSTs grew the table; back to the seeded 1,000 pets, so that every run measures the same table
  # (the list counts its rows) and the check below covers exactly the measured POSTs.
  delete_warm_up_pets
  for mode in index get-by-id list post; do load "$label" "$mode" "$DURATION"; done
  local rss=0 each=""
  for p in "${service_pids[@]}"; do
    local r
    r=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$p/status")
    rss=$((rss + r)); each+="${each:++}$r"
  done
  echo "RSS $label $rss $each"
  if [ "$setup" != 1 ]; then # how the balancer spread the requests: each replica's own count (Micrometer)
    local split=""
    for p in "${ports[@]}"; do
      split+="${split:+/}$(curl -fs "http://127.0.0.1:$(management_port "$p")/q/metrics" | awk '/^http_server_requests_seconds_count/ { s += $NF } END { printf "%d", s }')"
    done
    echo "SPLIT $label $split"
  fi
  echo "LOAD $label $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "PETS $label $(stored_pets)"
  stop_all
}

for setup in $SETUPS; do
  case $setup in 1) suffix= ;; 1lb) suffix=-lb1 ;; 2) suffix=-lb2 ;; esac
  # Not in a $(...) subshell: the trap above must see the running services' pids.
  # shellcheck disable=SC2086 # the options are words
  [ "$JAR" = none ] || measure "jvm$suffix" "$setup" env MALLOC_ARENA_MAX="$MALLOC_ARENAS" \
    java $JAVA_OPTS --enable-native-access=ALL-UNNAMED -jar "$JAR" >>"$work/results"
  if [ "$NATIVE" != none ] && [ -x "$NATIVE" ]; then
    # shellcheck disable=SC2086
    measure "native$suffix" "$setup" "$NATIVE" $NATIVE_OPTS >>"$work/results"
  fi
done
[ "$NATIVE" = none ] || [ -x "$NATIVE" ] || echo "(no native executable at $NATIVE: build it with ./mvnw package -Dnative $build_profile, or set NATIVE)" >&2

echo
echo "Pet Manager HTTP benchmark on $DATABASE: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, warm-up ${WARMUP}s per endpoint and round"
echo "JVM: $(java -version 2>&1 | head -1), options: $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENAS; native: $NATIVE $NATIVE_OPTS"
[ "$DATABASE" = sqlite ] || echo "PostgreSQL: $(psql -d postgres -qtAc 'SHOW server_version') at $PGHOST:$PGPORT; lb1/lb2 = 1/2 replicas behind nginx $(nginx -v 2>&1 | sed 's/.*\///')"
awk -f bench/http-report.awk "$work/results"
