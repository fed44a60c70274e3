package io.quarkiverse.flywayautogen.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * A missing {@link Prerequisite} skips the tests that need it, with one line saying what to install (as
 * Testcontainers' {@code disabledWithoutDocker} does), so that a new user with only a JDK passes {@code ./mvnw
 * verify}. Under {@code CI=true} (as {@code .ci/run} runs) it fails them instead: CI never loses coverage silently.
 */
public final class Prerequisites {

    private static final Set<Prerequisite> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private Prerequisites() {
    }

    /** Whether missing prerequisites fail rather than skip: {@code CI=true}, or {@code -Dflyway-autogen.test.ci=true}. */
    public static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.parseBoolean(System.getProperty("flyway-autogen.test.ci"));
    }

    /**
     * The reason to skip a test that needs {@code prerequisite}, {@code null} when it is there; printed once per test
     * JVM. Under {@code CI=true} a missing prerequisite throws instead.
     */
    public static String skipReason(Prerequisite prerequisite) {
        String missing = prerequisite.missing();
        if (missing == null) {
            return null;
        }
        if (strict()) {
            throw new AssertionError("CI=true and a test " + missing);
        }
        String line = "SKIPPED: a test " + missing;
        if (ANNOUNCED.add(prerequisite)) {
            System.out.println(line);
        }
        return line;
    }

    /** Inside a test or its set-up: aborts it (skipped) when {@code prerequisite} is missing; fails it under CI=true. */
    public static void assume(Prerequisite prerequisite) {
        String reason = skipReason(prerequisite);
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** For {@code @EnabledIf}: whether {@code prerequisite} is there; a skip line when not, a failure under CI=true. */
    public static boolean present(Prerequisite prerequisite) {
        return skipReason(prerequisite) == null;
    }
}
