package io.quarkiverse.flywayautogen.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits with a deadline, through Awaitility (the Quarkus test idiom), for the tests whose assertion wants the last
 * thing seen rather than Awaitility's timeout: a dev-mode application's answer while it restarts, the containers or
 * databases still there. No test polls in a loop of its own.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * Asks {@code probe} every {@code every} until {@code done} holds for its answer, at most {@code atMost}; returns
     * that answer, or the last one when the deadline passes (for the caller's assertion to show). A probe that throws
     * (an application whose port is closed during a restart) is asked again; if it never answered, it is asked once
     * more and what it throws is the test's failure.
     */
    public static <T> T lastAnswer(Duration atMost, Duration every, Callable<T> probe, Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return await().atMost(atMost).pollInterval(every).pollDelay(Duration.ZERO).ignoreExceptions()
                    .until(() -> {
                        T answer = probe.call();
                        last.set(answer);
                        return answer;
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            if (last.get() != null) {
                return last.get();
            }
            try {
                return probe.call();
            } catch (RuntimeException | Error failure) {
                throw failure;
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
