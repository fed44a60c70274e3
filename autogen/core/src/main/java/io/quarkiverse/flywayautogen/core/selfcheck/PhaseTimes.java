package io.quarkiverse.flywayautogen.core.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a self-check's time goes, one line at debug level ({@code FINE} of this package's logger) when it ends:
 * what grows with the application's size is visible without a profiler, and {@code bench/autogen-diff.sh} reads the
 * same split.
 */
final class PhaseTimes {

    private static final Logger LOG = Logger.getLogger(PhaseTimes.class.getPackageName());

    private final List<String> phases = new ArrayList<>();
    private long mark = System.nanoTime();

    /** Ends the phase running since the last call (or since this object was made) under {@code name}. */
    void done(String name) {
        long now = System.nanoTime();
        phases.add(name + " " + (now - mark) / 1_000_000 + " ms");
        mark = now;
    }

    void log(String what) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(what + ": " + String.join(", ", phases));
        }
    }

    @Override
    public String toString() {
        return String.join(", ", phases);
    }
}
