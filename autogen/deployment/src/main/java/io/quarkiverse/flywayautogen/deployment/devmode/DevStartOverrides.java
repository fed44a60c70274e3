package io.quarkiverse.flywayautogen.deployment.devmode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkiverse.flywayautogen.deployment.TargetDatasource;

/**
 * Runtime settings that let the dev application start while something waits for the user, so that the Dev UI card
 * that resolves it answers: dev mode serves only an error page while the application is down, and that page would
 * take the card away too. Set as system properties, the one configuration source a build step can write that wins
 * over {@code application.properties} (ordinal 400 against 250; a {@code %dev.} value there loses to it as well):
 * an application that validates its schema, as it should, would otherwise stay down until the change is written.
 * Each build sets what its findings need and removes the rest, so the application's own settings are back on the
 * first start that has nothing waiting; dev mode's end removes them all.
 */
public final class DevStartOverrides {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.flywayautogen");

    /** What this dev-mode session set; the system property of the same name it replaced; the configured value. */
    private final Map<String, String> set = new ConcurrentHashMap<>();
    private final Map<String, String> before = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> configured = new ConcurrentHashMap<>();

    /** The value the application's configuration gives {@code key}, as it was before this session set it. */
    public Optional<String> configured(String key) {
        Optional<String> remembered = configured.get(key);
        return remembered != null ? remembered : TargetDatasource.runtimeValue(key);
    }

    /** Sets exactly {@code wanted} for the start that follows this build. */
    public synchronized void apply(Map<String, String> wanted) {
        for (String key : Set.copyOf(set.keySet())) {
            if (!wanted.containsKey(key)) {
                restore(key);
            }
        }
        wanted.forEach((key, value) -> {
            if (!set.containsKey(key)) {
                configured.put(key, TargetDatasource.runtimeValue(key));
                String previous = System.getProperty(key);
                if (previous != null) {
                    before.put(key, previous);
                }
            }
            set.put(key, value);
            System.setProperty(key, value);
            LOG.debugf("Flyway autogenerate: %s=%s for this start", key, value);
        });
    }

    synchronized void clear() {
        for (String key : Set.copyOf(set.keySet())) {
            restore(key);
        }
    }

    private void restore(String key) {
        set.remove(key);
        configured.remove(key);
        String previous = before.remove(key);
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }
}
