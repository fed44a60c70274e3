#!/usr/bin/env bash
# Dev-mode live-reload time of the Pet Manager after an entity edit, WITH and WITHOUT the flyway-autogen extension
# (which compares entities and migrations on every reload). Prints figures; it is not a test. Target: the extension
# adds <= 20 % (ratio with/without <= 1.20).
#
# Works on a throw-away copy of the repository (tracked and untracked-not-ignored files as they are now in the
# working tree; no target/, no data/): the working tree is never touched. In the copy, two variants of pet-manager:
# "with" depends on io.quarkiverse.flywayautogen:quarkus-flyway-autogen (added when absent), "without" has neither it nor its plugin and
# no quarkus.flyway-autogen.* property. The extension is installed from the copy into a private Maven local
# repository layered over ~/.m2 (maven.repo.local.tail), so ~/.m2 is left alone too (--shared-m2 installs there).
#
# For each variant: ./mvnw quarkus:dev -pl pet-manager on a free port and its own SQLite file, wait for GET / (300 s),
# then per sample: edit a static method of Pet.java that no endpoint and no column uses (the class file changes, the
# schema does not), time the first GET /pets (dev mode compiles and restarts while serving it), check the log said
# "Restarting quarkus due to changes in Pet.class" and "Live reload total time: X s". Also reads
# pet-manager/target/build-metrics.json (quarkus.debug.dump-build-metrics) for the time of each build step.
#
# Other processes share the CPUs (2 cores here): before each timed reload the helper waits (up to --quiet-wait s)
# until they use < 0.3 cores, retakes (up to --retakes times) a reload during which they used more, and reports the
# CPU time of the dev-mode processes per reload next to the wall time.
#
# The first reloads of a dev-mode JVM are slow and erratic (the JIT compiles 1,000-2,500 methods, 0.5-1.5 s of
# compile time, on each of the first reloads), so W warm-up reloads per start are not counted, and the variants are
# alternated R times. jstat -compiler figures per reload are printed when jstat is on the PATH.
#
# Usage: bench/devmode-reload.sh [-n|--runs N (8)] [--warmup W (3)] [--rounds R (2)] [--quiet-wait S (120)]
#                                [--retakes K (3)] [--keep] [--shared-m2]
#   --rounds R   alternate the variants R times (N samples in all per variant), to spread machine noise
#   --keep       keep the temp dir (copies, dev-mode logs, results.json)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=8
WARMUP=3
ROUNDS=2
QUIET_WAIT=120
RETAKES=3
KEEP=0
SHARED_M2=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --quiet-wait) QUIET_WAIT=$2; shift 2 ;;
    --retakes) RETAKES=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --shared-m2) SHARED_M2=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/devmode-reload.XXXXXX")
cleanup() {
  local status=$?
  # dev-mode process groups the helper started (it stops them itself; this is for an interrupted run)
  if [ -f "$WORK/devmode.pids" ]; then
    while read -r pid; do
      if kill -0 -- "-$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
    done <"$WORK/devmode.pids"
  fi
  if [ "$KEEP" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "copying $ROOT into $WORK (working tree as it is now, without target/ and data/)" >&2
mkdir -p "$WORK/with" "$WORK/without"
snapshot() {
  cd "$ROOT"
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
      case "/$f/" in */target/*|*/data/*) continue ;; esac
      if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi  # a deleted file stays deleted
    done | tar --null -T - -cf -
  else
    tar --exclude=./target --exclude='*/target' --exclude=./data --exclude='*/data' --exclude=./.git -cf - .
  fi
}
snapshot | tar -xf - -C "$WORK/with"
cp -a "$WORK/with/." "$WORK/without/"
HELPER="$ROOT/bench/devmode_reload.py"
python3 "$HELPER" variant with "$WORK/with"
python3 "$HELPER" variant without "$WORK/without"
echo "--- pet-manager/pom.xml, with vs without ---" >&2
diff "$WORK/with/pet-manager/pom.xml" "$WORK/without/pet-manager/pom.xml" >&2 || true
diff "$WORK/with/pet-manager/src/main/resources/application.properties" \
     "$WORK/without/pet-manager/src/main/resources/application.properties" >&2 || true

MVN_ARGS=()
if [ "$SHARED_M2" = 0 ]; then
  MVN_ARGS=("-Dmaven.repo.local=$WORK/m2" "-Dmaven.repo.local.tail=${M2_REPO:-$HOME/.m2/repository}")
fi
echo "installing the extension from the copy" >&2
(cd "$WORK/with" && ./mvnw -B -q "${MVN_ARGS[@]}" install -N \
  && ./mvnw -B -q "${MVN_ARGS[@]}" install -f autogen/pom.xml -DskipTests) >&2

MEASURE_ARGS=(measure --work "$WORK" --runs "$RUNS" --warmup "$WARMUP" --rounds "$ROUNDS" --quiet-wait "$QUIET_WAIT" --retakes "$RETAKES"
              --variant "without=$WORK/without" --variant "with=$WORK/with")
for a in "${MVN_ARGS[@]}"; do MEASURE_ARGS+=("--mvn-arg=$a"); done
python3 "$HELPER" "${MEASURE_ARGS[@]}"
