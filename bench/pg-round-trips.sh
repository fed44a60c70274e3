#!/usr/bin/env bash
# What one request costs PostgreSQL in messages: starts a -Ppostgresql jar on a new database petmgr_round_trips,
# seeds 5 users and 200 pets, warms MODE (a mode of bench/http-requests.lua) up for 10 s, then straces the database's
# backends (recvfrom, sendto) while wrk -t1 -c4 runs it for 5 s, and prints the requests served, the receives with
# data and sends, and how many receives start with Parse, Bind or a simple Query. strace slows the backends: the
# req/s printed are not a throughput figure; the counts per request are the result. Needs root (strace -p).
# Usage: bench/pg-round-trips.sh JAR MODE [?jdbc-url-parameters]
set -euo pipefail
JAR=$1; MODE=$2; PARAMS=${3:-}
cd "$(dirname "$0")/.."
export PGHOST=localhost PGPORT=5432 PGUSER=petmanager PGPASSWORD=petmanager
work=$(mktemp -d)
PORT=18391
psql -d postgres -q -c 'DROP DATABASE IF EXISTS petmgr_round_trips WITH (FORCE)' 2>/dev/null || true
psql -d postgres -q -c 'CREATE DATABASE petmgr_round_trips'
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/issuer.key" 2>/dev/null
openssl pkey -in "$work/issuer.key" -pubout -out "$work/issuer.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$work/issuer.pem MP_JWT_VERIFY_ISSUER=urn:pet-manager:bench
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
ti="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '{"iss":"urn:pet-manager:bench","aud":"pet-manager","sub":"bench-admin","groups":["admin"],"iat":%d,"exp":%d}' "$now" $((now + 86400)) | b64url)"
export BENCH_TOKEN="$ti.$(printf '%s' "$ti" | openssl dgst -sha256 -sign "$work/issuer.key" -binary | b64url)"
java -Dquarkus.http.port=$PORT -Dquarkus.management.port=$((PORT + 1000)) -Dquarkus.log.level=WARN -Dquarkus.datasource.jdbc.acquisition-timeout=60S \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/petmgr_round_trips$PARAMS" \
  -Dquarkus.datasource.username=petmanager -Dquarkus.datasource.password=petmanager -jar "$JAR" >"$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; psql -d postgres -q -c "DROP DATABASE IF EXISTS petmgr_round_trips WITH (FORCE)" 2>/dev/null || true; rm -rf $work' EXIT
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null && break; sleep 0.5; done
base=http://127.0.0.1:$PORT
for u in 1 2 3 4 5; do curl -fs -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -d "{\"name\":\"U$u\",\"email\":\"u$u@bench.example\"}" $base/users; done
for p in $(seq 1 200); do curl -fs -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -d "{\"name\":\"P$p\",\"species\":\"CAT\",\"ownerId\":$(((p % 5) + 1))}" $base/pets; done
BENCH_MODE=$MODE BENCH_OWNERS=5 BENCH_MAX_ID=200 wrk -t1 -c4 -d10s -s bench/http-requests.lua $base >/dev/null
pids=$(psql -d postgres -qtAc "SELECT pid FROM pg_stat_activity WHERE datname = 'petmgr_round_trips'")
args=(); for p in $pids; do args+=(-p "$p"); done
strace -e trace=recvfrom,sendto -s 24 "${args[@]}" -o "$work/strace.txt" &
spid=$!
sleep 1
res=$(BENCH_MODE=$MODE BENCH_OWNERS=5 BENCH_MAX_ID=200 wrk -t1 -c4 -d5s -s bench/http-requests.lua $base | grep '^RESULT')
sleep 0.5
kill -INT $spid; wait $spid 2>/dev/null || true
echo "$res"
# messages a backend received (one recvfrom may hold several): Parse (P), Bind (B), simple Query (Q) starting it
echo "recvfrom with data: $(grep -c 'recvfrom.*= [1-9]' "$work/strace.txt")  sendto: $(grep -c '^[0-9]* *sendto\|sendto(' "$work/strace.txt")"
echo "starting with Parse: $(grep -c 'recvfrom([0-9]*, "P' "$work/strace.txt")  Bind: $(grep -c 'recvfrom([0-9]*, "B' "$work/strace.txt")  Query: $(grep -c 'recvfrom([0-9]*, "Q' "$work/strace.txt")"
grep 'recvfrom([0-9]*, "[PQ]' "$work/strace.txt" | head -3
