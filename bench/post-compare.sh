#!/usr/bin/env bash
# Write (POST /pets) and read (GET /pets/{id}) throughput of several builds of the Pet Manager, measured in turns
# (A B C, A B C, ...) so that load from other processes on the machine falls on every build alike. Each turn starts
# the build's jar on a fresh database, seeds 5 users and 1000 pets, warms each measured endpoint up for WARMUP seconds
# (default 20), then measures it for DURATION seconds (default 10) with wrk -t2 -c32 on loopback, as an admin (a token
# from a key pair made for the run). Prints one line per turn and endpoint and, per build and endpoint, the median.
#
# Usage: bench/post-compare.sh ROUNDS NAME=path/to/quarkus-run.jar ...
#   MODES="post get-by-id"  the endpoints measured (modes of bench/http-requests.lua; post-user: POST /users with
#                           a new e-mail address each)
#   DATABASE=postgresql     builds made with -Ppostgresql, each turn on a new database petmgr_compare on the server of
#                           the libpq variables (default localhost:5432, petmanager/petmanager, a role with CREATEDB);
#                           each line then also gives PostgreSQL's CPU time per request, read from /proc: the backends
#                           of that database plus the WAL writer, background writer and checkpointer (shared with
#                           anything else on the server, which is why they are printed apart).
#                           A build given as NAME=path/to/quarkus-run.jar?PARAMS runs with ?PARAMS on its JDBC URL
#                           (e.g. base=app.jar pt1=app.jar?prepareThreshold=1: one jar, two driver settings).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:?rounds}
shift
PORT=${BENCH_PORT:-18090}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-10}
MODES=${MODES:-post get-by-id}
DATABASE=${DATABASE:-sqlite}
case $DATABASE in sqlite | postgresql) ;; *) echo "DATABASE must be sqlite or postgresql" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
if [ "$DATABASE" = postgresql ]; then
  export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-petmanager} PGPASSWORD=${PGPASSWORD:-petmanager}
fi
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$PORT"
# readiness is on the management interface's port (here the API's + 1000); a build from before it, on the API's port
ready_urls=("http://127.0.0.1:$((PORT + 1000))/q/health/ready" "$base/q/health/ready")
is_ready() { local url; for url in "${ready_urls[@]}"; do curl -fs "$url" >/dev/null && return 0; done; return 1; }

# The run's token issuer (as in bench/http.sh): an RSA key pair and one admin token valid for the whole run.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/issuer.key" 2>/dev/null
openssl pkey -in "$work/issuer.key" -pubout -out "$work/issuer.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$work/issuer.pem MP_JWT_VERIFY_ISSUER=urn:pet-manager:bench
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
token_input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '{"iss":"urn:pet-manager:bench","aud":"pet-manager","sub":"bench-admin","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 86400)) | b64url)"
export BENCH_TOKEN="$token_input.$(printf '%s' "$token_input" | openssl dgst -sha256 -sign "$work/issuer.key" -binary | b64url)"
auth=(-H "Authorization: Bearer $BENCH_TOKEN")

fresh_database() {
  if [ "$DATABASE" = postgresql ]; then
    for _ in $(seq 1 30); do
      PGOPTIONS=--client-min-messages=warning psql -d postgres -q -c 'DROP DATABASE IF EXISTS petmgr_compare WITH (FORCE)' \
        2>/dev/null && break
      sleep 1
    done
    psql -d postgres -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE petmgr_compare'
  else
    rm -rf "$work/data"
  fi
}

pg_pids() { # the backends of the measured database, and the server's WAL writer, background writer and checkpointer
  psql -d postgres -qtAc "SELECT pid FROM pg_stat_activity WHERE datname = 'petmgr_compare'" | tr '\n' ' '
  echo -n '| '
  psql -d postgres -qtAc "SELECT pid FROM pg_stat_activity WHERE backend_type IN ('walwriter', 'background writer', 'checkpointer')" | tr '\n' ' '
}

cpu_ticks() { # pids...: their user + system CPU time in clock ticks (a process gone meanwhile counts 0)
  local p total=0
  for p in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}

turn() { # name jar[?jdbc-url-parameters] round
  local jar=${2%%\?*} url_params=
  [ "$jar" = "$2" ] || url_params="?${2#*\?}"
  fresh_database
  if [ "$DATABASE" = postgresql ]; then
    # a loaded machine may take seconds to open the first connection (Agroal gives up after 5 s by default)
    java -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1000))" -Dquarkus.log.level=WARN -Dquarkus.datasource.jdbc.acquisition-timeout=60S \
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/petmgr_compare$url_params" \
        -Dquarkus.datasource.username="$PGUSER" -Dquarkus.datasource.password="$PGPASSWORD" \
        -jar "$jar" >"$work/service.log" 2>&1 &
  else
    java --enable-native-access=ALL-UNNAMED -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$((PORT + 1000))" -Dpet-manager.db.path="$work/data/bench.db" \
        -Dquarkus.log.level=WARN -jar "$jar" >"$work/service.log" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 240); do is_ready && break; sleep 0.5; done
  is_ready || { cat "$work/service.log"; exit 1; }
  for u in 1 2 3 4 5; do
    curl -fs -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' \
      -d "{\"name\":\"User $u\",\"email\":\"u$u@bench.example\"}" "$base/users"
  done
  # one curl process for all the pets (a config file of requests), not a thousand: on a loaded machine forks are slow
  for p in $(seq 1 1000); do
    [ "$p" = 1 ] || echo next # between requests only: a trailing "next" is a request without a URL
    printf 'url = "%s/pets"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$base" "$BENCH_TOKEN"
    printf 'data = "{\\"name\\":\\"Pet %d\\",\\"species\\":\\"CAT\\",\\"ownerId\\":%d}"\noutput = "/dev/null"\n' "$p" $(((p % 5) + 1))
  done >"$work/seed.curl"
  curl -fs -K "$work/seed.curl"
  local mode result pids shared before_own before_shared
  for mode in $MODES; do
    BENCH_MODE=$mode BENCH_OWNERS=5 BENCH_MAX_ID=1000 wrk -t2 -c32 -d"${WARMUP}s" -s bench/http-requests.lua "$base" >/dev/null
    if [ "$DATABASE" = postgresql ]; then
      pids=$(pg_pids)
      shared=${pids#*|}
      pids=${pids%|*}
      # shellcheck disable=SC2086 # lists of pids
      before_own=$(cpu_ticks $pids) before_shared=$(cpu_ticks $shared)
    fi
    result=$(BENCH_MODE=$mode BENCH_OWNERS=5 BENCH_MAX_ID=1000 wrk -t2 -c32 -d"${DURATION}s" -s bench/http-requests.lua "$base" |
      grep '^RESULT')
    local pg="-"
    if [ "$DATABASE" = postgresql ]; then
      # shellcheck disable=SC2086
      pg=$(awk -v own=$(($(cpu_ticks $pids) - before_own)) -v shared=$(($(cpu_ticks $shared) - before_shared)) \
        -v hz="$(getconf CLK_TCK)" -v n="$(echo "$result" | awk '{ print $8 }')" \
        'BEGIN { printf "PostgreSQL CPU/req %4.0f us (+%3.0f us WAL writer etc.)", own / hz / n * 1e6, shared / hz / n * 1e6 }')
    fi
    echo "$result" | awk -v name="$1" -v round="$3" -v pg="$pg" -v loadavg="$(cut -d' ' -f1 /proc/loadavg)" '{
      printf "round %d %-10s %-9s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  non-2xx %d  %s  load %s\n",
        round, name, $2, $3, $4, $5, $6, pg, loadavg }'
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# The turns run in a subshell (the pipe to tee), where $pid is set: the subshell stops the service itself on failure.
for round in $(seq 1 "$ROUNDS"); do
  trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
  for build in "$@"; do
    turn "${build%%=*}" "${build#*=}" "$round"
  done
done | tee "$work/turns"
echo
for mode in $MODES; do
  for build in "$@"; do
    name=${build%%=*}
    values=$(awk -v name="$name" -v mode="$mode" '$3 == name && $4 == mode { print $5 }' "$work/turns" | sort -n)
    n=$(echo "$values" | wc -l)
    median=$(echo "$values" | awk -v n="$n" 'NR == int((n + 1) / 2) { lo = $1 } NR == int(n / 2) + 1 { hi = $1 } END { printf "%.0f", (lo + hi) / 2 }')
    cpu=$(awk -v name="$name" -v mode="$mode" '$3 == name && $4 == mode && /CPU\/req/ {
      for (i = 1; i <= NF; i++) if ($i == "CPU/req") { s += $(i + 1); k++ } } END { if (k) printf "; PostgreSQL CPU/req mean %.0f us", s / k }' "$work/turns")
    printf '%-10s %-9s median %s req/s over %d turns (%s)%s\n' "$name" "$mode" "$median" "$n" "$(echo $values)" "$cpu"
  done
done
