#!/usr/bin/env bash
# docker/compose.yaml started as users start it (docker-compose, through the engine's Docker API socket), one profile
# per call, and checked through its port published on 127.0.0.1. Run from anywhere; called by .ci/run.
#
#   docker/compose-check.sh sqlite        the native image from pet-manager/target/*-runner (a SQLite build), or with
#                                         SERVICE=jvm the JVM image of pet-manager/target/quarkus-app (`./mvnw package`)
#   docker/compose-check.sh postgresql    PostgreSQL + two replicas + nginx; the replicas' image is built from
#                                         pet-manager/target/quarkus-app of `./mvnw package -Ppostgresql` (Dockerfile.jvm),
#                                         or with REPLICAS=native from a runner built with -Dnative -Ppostgresql
#
# Needs DOCKER_HOST (eval "$(../shared/container-engine/setup.sh socket)"), podman and docker-compose (Debian's,
# 1.29). What differs from a user's `docker compose ... up --build`: the images are built beforehand by podman with
# BASE_IMAGE set to a local Debian root (no registry here) and named in an override file (-f), postgres:15 and
# nginx:1.27-alpine are the stand-ins of docker/test-stand-ins/, the project has its own name and PET_MANAGER_PORT
# publishes on 127.0.0.1. This engine cannot schedule healthchecks itself (Podman asks systemd for a timer, and there
# is no systemd here), so a loop below plays the timer: it runs `podman healthcheck run` for each of the project's
# containers at the interval compose declared; the check that runs is the compose file's, inside the container.
# Everything the run creates (containers, network, volumes, the service images) is removed at the end, also on
# failure; the base roots and stand-in images are kept (built once, reused).
# The services verify bearer tokens as with a provider: the override gives them the public half of a key pair made for
# the run (MP_JWT_VERIFY_PUBLICKEY, MP_JWT_VERIFY_ISSUER) and the requests carry an admin's token signed with it.
# Health and metrics are on each service's management port (9000), which compose does not publish: the checks read
# them inside the containers, as the compose healthcheck does.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:?usage: docker/compose-check.sh sqlite|postgresql}
case $profile in sqlite | postgresql) ;; *) echo "profile must be sqlite or postgresql, not '$profile'" >&2; exit 2 ;; esac
setup=${CONTAINER_ENGINE_SETUP:-../shared/container-engine/setup.sh}
export CONTAINER_ENGINE_SETUP=$setup
: "${DOCKER_HOST:?set DOCKER_HOST: eval \"\$(bash $setup socket)\"}"
command -v docker-compose >/dev/null || { echo "no docker-compose: apt-get install docker-compose" >&2; exit 2; }

run=pmcc$(date +%s)$$
project=$run-$profile
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PET_MANAGER_PORT=127.0.0.1:$port
base=http://127.0.0.1:$port
compose=(docker-compose -p "$project" -f docker/compose.yaml -f "$work/override.yaml" --profile "$profile")
images=()
ticker=
failed=0
step_started=$(date +%s)
step() { echo "== [$(($(date +%s) - step_started)) s] $*"; }
fail() { echo "FAILED: $*" >&2; failed=1; }

cleanup() {
  [ -z "$ticker" ] || kill "$ticker" 2>/dev/null || true
  "${compose[@]}" down -v --remove-orphans -t 10 >/dev/null 2>&1 || true
  for id in $(podman ps -a -q --filter "label=com.docker.compose.project=$project"); do podman rm -f -t 0 "$id" >/dev/null 2>&1 || true; done
  for v in $(podman volume ls -q --filter "label=com.docker.compose.project=$project"); do podman volume rm -f "$v" >/dev/null 2>&1 || true; done
  for i in "${images[@]}"; do podman rmi -f "$i" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
migrations=$(ls pet-manager/src/main/resources/db/migration/sqlite/V*__*.sql | wc -l)

# ---- the run's token issuer ----------------------------------------------------------------------------------------
issuer=urn:pet-manager:compose-check
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/issuer.key" 2>/dev/null
public_key=$(openssl pkey -in "$work/issuer.key" -pubout -outform DER | openssl base64 -A) # PEM's body, one line
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
token_input="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '{"iss":"%s","aud":"pet-manager","sub":"compose-check-admin","groups":["admin"],"iat":%d,"exp":%d}' "$issuer" "$now" $((now + 7200)) | b64url)"
auth=(-H "Authorization: Bearer $token_input.$(printf '%s' "$token_input" | openssl dgst -sha256 -sign "$work/issuer.key" -binary | b64url)")
issuer_environment() { # indent: the override's environment block for one service
  printf '%senvironment:\n%s  MP_JWT_VERIFY_PUBLICKEY: "%s"\n%s  MP_JWT_VERIFY_ISSUER: "%s"\n' "$1" "$1" "$public_key" "$1" "$issuer"
}

# ---- images ----------------------------------------------------------------------------------------------------------
build_image() { # tag dockerfile debian-base-name packages...
  local tag=$1 dockerfile=$2 name=$3 base_image
  shift 3
  base_image=$(bash "$setup" image "$name" "$@")
  podman build -q -f "$dockerfile" --build-arg "BASE_IMAGE=$base_image" --label "compose-check=$run" -t "$tag" . >/dev/null
  images+=("$tag")
  echo "image $tag from $dockerfile on $base_image: $(podman image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
}
runner=pet-manager/target/pet-manager-1.0.0-SNAPSHOT-runner
is_postgresql_build() { grep -q -a 'org.postgresql.Driver' "$1" 2>/dev/null; } # the driver's class name (a regex: slashes or dots)
if [ "$profile" = sqlite ] && [ "${SERVICE:-native}" = jvm ]; then
  [ -f pet-manager/target/quarkus-app/quarkus-run.jar ] && ! ls pet-manager/target/quarkus-app/lib/main/*postgresql* >/dev/null 2>&1 \
    || { echo "pet-manager/target/quarkus-app is not a SQLite build: ./mvnw package -DskipTests -pl pet-manager" >&2; exit 1; }
  step "building the JVM image"
  build_image "localhost/pet-manager-compose-check:$run-jvm" docker/Dockerfile.jvm pet-manager-containers-jvm-base openjdk-17-jre-headless curl
  # the JVM image keeps its database under /deployments/data: the compose file's volume mounted there as well, and
  # the slower start given time (see start_period below)
  { printf 'services:\n  pet-manager:\n    image: localhost/pet-manager-compose-check:%s-jvm\n' "$run"
    printf '    volumes:\n      - pet-manager-data:/deployments/data\n    healthcheck:\n      start_period: 180s\n'
    issuer_environment '    '; } >"$work/override.yaml"
  service=pet-manager
elif [ "$profile" = sqlite ]; then
  [ -x "$runner" ] || { echo "no $runner: ./mvnw package -Dnative -DskipTests -pl pet-manager (or SERVICE=jvm)" >&2; exit 1; }
  step "building the native image"
  build_image "localhost/pet-manager-compose-check:$run-native" docker/Dockerfile.native pet-manager-containers-native-base curl
  { printf 'services:\n  pet-manager:\n    image: localhost/pet-manager-compose-check:%s-native\n' "$run"; issuer_environment '    '; } >"$work/override.yaml"
  service=pet-manager
else
  if [ "${REPLICAS:-jvm}" = native ]; then
    [ -x "$runner" ] && is_postgresql_build "$runner" || { echo "no PostgreSQL build at $runner: ./mvnw package -Dnative -Ppostgresql -DskipTests -pl pet-manager" >&2; exit 1; }
    step "building the replicas' native image"
    build_image "localhost/pet-manager-compose-check:$run-replica" docker/Dockerfile.native pet-manager-containers-native-base curl
  else
    ls pet-manager/target/quarkus-app/lib/main/*postgresql* >/dev/null 2>&1 \
      || { echo "pet-manager/target/quarkus-app is not a PostgreSQL build: ./mvnw package -Ppostgresql -DskipTests -pl pet-manager" >&2; exit 1; }
    step "building the replicas' JVM image"
    build_image "localhost/pet-manager-compose-check:$run-replica" docker/Dockerfile.jvm pet-manager-containers-jvm-base openjdk-17-jre-headless curl
  fi
  # The compose file's start_period (10 s) is the native image's: a JVM replica took 46 s to its first response on this
  # busy 2-core machine, and would be marked unhealthy (3 failed checks after the start period) before it is up.
  start_period=10s; [ "${REPLICAS:-jvm}" = native ] || start_period=180s
  for r in pet-manager-1 pet-manager-2; do
    printf '  %s:\n    image: localhost/pet-manager-compose-check:%s-replica\n    healthcheck:\n      start_period: %s\n' \
      "$r" "$run" "$start_period"
    issuer_environment '    '
  done | sed '1i services:' >"$work/override.yaml"
  step "stand-ins for postgres:15 and nginx:1.27-alpine"
  docker/test-stand-ins/postgres.sh docker.io/library/postgres:15 >/dev/null
  docker/test-stand-ins/nginx.sh docker.io/library/nginx:1.27-alpine >/dev/null
  service=balancer
fi

# ---- the healthcheck timer systemd would be ----------------------------------------------------------------------------
(
  declare -A next
  end=$(($(date +%s) + 900)) # bounded: the whole check takes a few minutes
  while [ "$(date +%s)" -lt "$end" ]; do
    now=$(date +%s)
    for id in $(podman ps -q --filter "label=com.docker.compose.project=$project" 2>/dev/null); do
      if [ "${next[$id]:-0}" -le "$now" ]; then
        interval=$(podman inspect --format '{{.Config.Healthcheck.Interval}}' "$id" 2>/dev/null || echo 0)
        case $interval in *m*) interval=60 ;; *s) interval=${interval%s}; interval=${interval%.*} ;; *) interval=0 ;; esac
        [ "$interval" -gt 0 ] 2>/dev/null || { next[$id]=$((now + 3600)); continue; }
        podman healthcheck run "$id" >/dev/null 2>&1 || true
        next[$id]=$((now + interval))
      fi
    done
    sleep 1
  done
) &
ticker=$!

# ---- helpers ---------------------------------------------------------------------------------------------------------
container_of() { podman ps -a -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" | head -1; }
await_ready() { # seconds: the first 200 through the published port (the service listens once it has migrated)
  local i
  for i in $(seq 1 "$1"); do curl -fs -o /dev/null "$base/" && return 0; sleep 1; done
  fail "no 200 from $base/ within $1 s"; "${compose[@]}" logs --tail 30 >&2 || true; return 1
}
metrics_of() { # service: its /q/metrics, read on its management port inside its container
  podman exec "$(container_of "$1")" curl -fsS http://localhost:9000/q/metrics
}
await_healthy() { # service seconds: prints its health once the declared check passed, or what it is at the deadline
  # the timer above may have run the first check before the service answered, and the next is an interval away:
  # run the compose file's check now, as often as it takes
  local id i; id=$(container_of "$1")
  for i in $(seq 1 "$2"); do
    [ "$(podman inspect --format '{{.State.Health.Status}}' "$id")" = healthy ] && break
    podman healthcheck run "$id" >/dev/null 2>&1 || sleep 1
  done
  podman inspect --format '{{.State.Health.Status}}' "$id"
}
post_user() { # e-mail: prints "status id"
  local body=$work/body.$BASHPID # this subshell's: the $(...) below is another
  curl -s -m 15 -o "$body" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Check\",\"email\":\"$1\"}" "$base/users" || true
  printf ' %s\n' "$(grep -o '"id":[0-9]*' "$body" 2>/dev/null | head -1 | cut -d: -f2)"
}
writer() { # name count seconds: unique e-mails, one "status id" line per request in $work/writes.name
  local end=$(($(date +%s) + $3)) n
  for n in $(seq 1 "$2"); do
    [ "$(date +%s)" -lt "$end" ] && [ ! -e "$work/stop" ] || break
    post_user "$1-$n-$run@load.example" >>"$work/writes.$1"
  done
}
all_acknowledged_present() { # prints the number checked; fails on a lost one
  local lost=0 checked=0 id
  for id in $(cat "$work"/writes.* 2>/dev/null | awk '$1 == 201 { print $2 }'); do
    checked=$((checked + 1))
    [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "${auth[@]}" "$base/users/$id")" = 200 ] || { lost=$((lost + 1)); echo "acknowledged user $id is missing" >&2; }
  done
  echo "$checked acknowledged writes checked, $lost missing"
  [ "$lost" = 0 ] || fail "$lost acknowledged writes lost"
}

# ---- up ----------------------------------------------------------------------------------------------------------------
step "docker-compose --profile $profile up -d (project $project, published on $PET_MANAGER_PORT)"
start=$(date +%s%N)
compose_up() {
  if ! "${compose[@]}" up -d >"$work/up.log" 2>&1; then
    sed 's/^/  /' "$work/up.log"
    for id in $(podman ps -a -q --filter "label=com.docker.compose.project=$project"); do
      echo "--- $(podman inspect --format '{{.Name}}: {{.State.Status}}, health {{.State.Health.Status}}' "$id")"
      podman inspect --format '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' "$id" | tail -3
      podman logs --tail 15 "$id" 2>&1
    done
    fail "docker-compose up refused"; exit 1
  fi
  sed 's/^/  /' "$work/up.log"
}
compose_up
await_ready 180
echo "up: first 200 through 127.0.0.1:$port $((($(date +%s%N) - start) / 1000000)) ms after docker-compose up"

if [ "$profile" = postgresql ]; then
  step "both replicas healthy, the migrations run once"
  for r in pet-manager-1 pet-manager-2; do
    health=$(await_healthy "$r" 60)
    echo "$r: $health"; [ "$health" = healthy ] || fail "$r is $health"
  done
  history=$("${compose[@]}" exec -T postgres psql -U petmanager -d petmanager -tAc \
    "SELECT count(*) || ' ' || count(DISTINCT version) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
  applied=0
  for r in pet-manager-1 pet-manager-2; do
    a=$(metrics_of $r | awk '/^petmanager_migrations_applied/ { printf "%d", $NF }')
    echo "$r applied $a migration(s) at its start"; applied=$((applied + a))
  done
  echo "flyway_schema_history: ${history% *} successful versioned rows, ${history#* } distinct versions"
  [ "$history" = "$migrations $migrations" ] && [ "$applied" = "$migrations" ] || fail "migrations not run exactly once (history '$history', applied $applied)"
else
  step "the service healthy, the migrations run once"
  health=$(await_healthy pet-manager 60)
  echo "pet-manager: $health"; [ "$health" = healthy ] || fail "pet-manager is $health"
  applied=$(metrics_of pet-manager | awk '/^petmanager_migrations_applied/ { printf "%d", $NF }')
  [ "$applied" = "$migrations" ] || fail "the first start applied $applied migrations, not $migrations"
fi
for path in /q/health/ready /q/metrics; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  echo "GET $path through the published port: $status"; [ "$status" = 404 ] || fail "$path answers on the published port"
done

step "ten rounds of the same e-mail, 8 requests at once each: one 201 per round"
for round in $(seq 1 10); do
  senders=()
  for c in $(seq 1 8); do post_user "round-$round-$run@same.example" >"$work/round.$c" & senders+=($!); done
  wait "${senders[@]}" # not a bare wait: the healthcheck loop is a child too
  created=$(cat "$work"/round.* | awk '$1 == 201' | wc -l)
  others=$(cat "$work"/round.* | awk '$1 != 201 { print $1 }' | sort | uniq -c | xargs)
  echo "round $round: $created x 201, others: $others"
  [ "$created" = 1 ] || fail "round $round gave $created 201s"
  cat "$work"/round.* | awk '$1 == 201' >>"$work/writes.rounds"
  rm -f "$work"/round.*
done

if [ "$profile" = postgresql ]; then
  step "one replica killed (SIGKILL) under write load of 4 writers"
  writers=()
  for w in 1 2 3 4; do writer "w$w" 300 60 & writers+=($!); done
  sleep 3
  victim=$(container_of pet-manager-2)
  before=$(cat "$work"/writes.w* | awk '$1 == 201' | wc -l)
  podman kill "$victim" >/dev/null
  sleep 6
  after=$(cat "$work"/writes.w* | awk '$1 == 201' | wc -l)
  reads=0
  for _ in $(seq 1 20); do [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "${auth[@]}" "$base/users?page=0&size=5")" = 200 ] && reads=$((reads + 1)); done
  touch "$work/stop"; wait "${writers[@]}"
  summary=$(cat "$work"/writes.w* | awk '{ n[$1]++ } END { for (s in n) printf "%s x %s, ", n[s], s }')
  echo "writes: $summary$before acknowledged before the kill, $((after - before)) in the 6 s after it; 20 reads after it: $reads x 200"
  [ "$after" -gt "$before" ] || fail "the balancer acknowledged no write after the kill"
  [ "$reads" = 20 ] || fail "only $reads of 20 reads answered 200 after the kill"
  echo "the killed replica: $(podman inspect --format '{{.State.Status}}, restarts {{.RestartCount}}' "$victim")"
  all_acknowledged_present
fi

step "down and up again: the data kept"
users_before=$(curl -fsS "${auth[@]}" "$base/users?page=0&size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
# a replica without a named volume gets an anonymous one for the image's VOLUME; down without -v (which keeps the data
# this step checks) leaves those behind, nameless: remove them here, the final down -v never sees them
anonymous=$(for id in $(podman ps -a -q --filter "label=com.docker.compose.project=$project"); do
  podman inspect --format '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}' "$id"; done \
  | tr ' ' '\n' | grep -E '^[0-9a-f]{64}$' || true)
"${compose[@]}" down -t 10 2>&1 | sed 's/^/  /'
[ -z "$anonymous" ] || podman volume rm $anonymous >/dev/null
compose_up
await_ready 180
users_after=$(curl -fsS "${auth[@]}" "$base/users?page=0&size=1" | grep -o '"totalItems":[0-9]*' | cut -d: -f2)
echo "users: $users_before before down, $users_after after up"
[ "$users_before" = "$users_after" ] && [ "${users_after:-0}" -gt 0 ] || fail "users $users_before -> $users_after"
all_acknowledged_present

step "done"
[ "$failed" = 0 ] && echo "compose check ($profile): passed" || { echo "compose check ($profile): FAILED" >&2; exit 1; }
