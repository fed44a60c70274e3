#!/usr/bin/env bash
# GET /pets/{id} against GET / as the JVM's CPU time per request, two jars side by side: for a loaded machine, where
# http.sh's req/s ratio is not comparable between runs. Both jars run at once on the same schedule (each its own SQLite
# file, PETS (default 100) pets of 50 owners), wrk -t2 -c32 drives one endpoint of one jar at a time, and utime + stime of the JVM
# (/proc/<pid>/stat) over each measured run divided by wrk's request count gives the CPU per request.
#
# Usage: bench/get-by-id-cpu.sh JAR_A JAR_B [seconds per run, default 10] [warm-up rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
JARS=("$1" "$2")
DURATION=${3:-10}
ROUNDS=${4:-3}
PORT=${BENCH_PORT:-18200}
PETS=${PETS:-100}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/issuer.key" 2>/dev/null
openssl pkey -in "$work/issuer.key" -pubout -out "$work/issuer.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$work/issuer.pem MP_JWT_VERIFY_ISSUER=urn:pet-manager:bench
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '{"iss":"urn:pet-manager:bench","aud":"pet-manager","sub":"bench-admin","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 86400)) | b64url)"
export BENCH_TOKEN="$input.$(printf '%s' "$input" | openssl dgst -sha256 -sign "$work/issuer.key" -binary | b64url)"

for i in 0 1; do
  port=$((PORT + i))
  mkdir -p "$work/data$i"
  PET_MANAGER_DB_PATH=$work/data$i/bench.db QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
    QUARKUS_LOG_LEVEL=WARN MALLOC_ARENA_MAX=2 java -XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC \
    --enable-native-access=ALL-UNNAMED -jar "${JARS[$i]}" >"$work/jar$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$((PORT + i + 1000))/q/health/ready" >/dev/null && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$((PORT + i + 1000))/q/health/ready" >/dev/null || { cat "$work/jar$i.log"; exit 1; }
  for u in $(seq 1 50); do
    curl -fs -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"u$u\",\"email\":\"u$u@bench.example\"}" "http://127.0.0.1:$((PORT + i))/users"
  done
  for p in $(seq 1 "$PETS"); do
    printf '{"name":"p%d","species":"DOG","ownerId":%d}\n' "$p" $(((p % 50) + 1))
  done | while read -r body; do
    curl -fs -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -d "$body" \
      "http://127.0.0.1:$((PORT + i))/pets"
  done
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
measure() { # jar-index mode: prints requests and CPU microseconds
  local before after requests
  before=$(cpu_ticks "${pids[$1]}")
  requests=$(BENCH_MODE=$2 BENCH_MAX_ID=$PETS wrk -t2 -c32 -d"${DURATION}s" -s bench/http-requests.lua \
    "http://127.0.0.1:$((PORT + $1))/" 2>/dev/null | awk '/requests in/ { print $1 }')
  after=$(cpu_ticks "${pids[$1]}")
  echo "$requests $(( (after - before) * 1000000 / $(getconf CLK_TCK) ))"
}
for round in $(seq 1 "$ROUNDS"); do
  echo "warm-up round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for i in 0 1; do for mode in index get-by-id; do measure "$i" "$mode" >/dev/null; done; done
done
echo "CPU of the JVM per request, us (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for i in 0 1; do
  read -r n1 c1 <<<"$(measure "$i" index)"
  read -r n2 c2 <<<"$(measure "$i" get-by-id)"
  awk -v jar="${JARS[$i]}" -v n1="$n1" -v c1="$c1" -v n2="$n2" -v c2="$c2" 'BEGIN {
    printf "%s: GET / %d us (%d requests), GET /pets/{id} %d us (%d requests), GET / : GET /pets/{id} %.2f\n",
      jar, c1 / n1, n1, c2 / n2, n2, (c1 / n1) / (c2 / n2) }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
