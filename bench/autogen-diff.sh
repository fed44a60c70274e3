#!/usr/bin/env bash
# Times the autogenerate engine's diff + plan + render on synthetic schemas of 100, 500 and 1000 tables, and the
# migration replay separately; then a whole comparison after one entity changes (ReloadBenchmark: 100 entities built
# by 30 migrations, 1,000 by 300), with the replay cache empty and warm (RELOAD=0 leaves it out, RELOAD=only runs it
# alone). Prints figures; not a test. Usage: bench/autogen-diff.sh [sqlite|postgresql|mariadb] (from
# anywhere); PostgreSQL and MariaDB replay into a shadow database on -Dflyway-autogen.shadow-url or
# FLYWAY_AUTOGEN_SHADOW_URL (MariaDB, as .ci/run prepares it: jdbc:mariadb://127.0.0.1:3306/autogen, autogen/autogen).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/autogen/core/target/bench-classpath.txt"
# -am builds the annotations module in the same reactor; core (built last) writes the classpath file last.
./mvnw -B -q -pl autogen/core -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="$ROOT/autogen/core/target/test-classes:$ROOT/autogen/core/target/classes:$(cat "$CP_FILE")"
if [ "${RELOAD:-1}" != only ]; then
    java --enable-native-access=ALL-UNNAMED -cp "$CP" io.quarkiverse.flywayautogen.core.bench.DiffBenchmark "$@"
fi
if [ "${RELOAD:-1}" != 0 ]; then
    java --enable-native-access=ALL-UNNAMED -cp "$CP" io.quarkiverse.flywayautogen.core.bench.ReloadBenchmark "$@"
fi
