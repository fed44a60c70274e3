#!/usr/bin/env bash
# Times the SQLite migration the engine generates for widening a column of a parent table with 1,000,000 rows and
# two child tables (1,000,000 and 500,000 rows), on a file opened with foreign_keys=true as the Pet Manager does.
# Prints seconds and rows per table; not a test.
# Usage: bench/sqlite-rebuild.sh [OTHER_CHECKOUT] [OWNERS]
#   OTHER_CHECKOUT: a checkout of an earlier engine, built there with
#     ./mvnw -o -q -pl autogen/core -am package -DskipTests
#   (e.g. git worktree add /tmp/before 7201d5d); it runs first as "before", this checkout's engine as "after".
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OTHER="${1:-}"
OWNERS="${2:-1000000}"
cd "$ROOT"
CP_FILE="$ROOT/autogen/core/target/bench-classpath.txt"
./mvnw -B -q -pl autogen/core -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
# The benchmark's main and entities come from this checkout's test classes; the engine from the checkout measured.
run() {
    local label="$1" engine="$2"
    timeout 1200 java -Xmx2g --enable-native-access=ALL-UNNAMED \
        -cp "$engine/autogen/core/target/classes:$ROOT/autogen/core/target/test-classes:$(cat "$CP_FILE")" \
        io.quarkiverse.flywayautogen.core.bench.SqliteRebuildBenchmark "$label" "$OWNERS"
}
if [ -n "$OTHER" ]; then
    [ -d "$OTHER/autogen/core/target/classes" ] || { echo "build $OTHER first (see usage)" >&2; exit 1; }
    run "before ($(git -C "$OTHER" rev-parse --short HEAD))" "$OTHER"
fi
run "after ($(git rev-parse --short HEAD))" "$ROOT"
