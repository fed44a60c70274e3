package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;

/**
 * No throwaway PostgreSQL server could be started: no container engine answered, or it could not run the image.
 * A {@link DialectNotConfiguredException}: the machine lacks what the comparison needs, so another database's
 * migrations are left unchecked, said in one line, as when no shadow server is configured.
 */
public final class NoContainerEngineException extends DialectNotConfiguredException {
    public NoContainerEngineException(String message) {
        super(message);
    }
}
