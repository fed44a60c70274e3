package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;

/**
 * A supported database that cannot be compared on this machine: its shadow databases need a server nobody configured.
 * Another database's migrations (quarkus.flyway-autogen.vendors) are then left unchecked, said in one line, rather
 * than failing a build on a machine without that server.
 */
public class DialectNotConfiguredException extends AutogenException {
    public DialectNotConfiguredException(String message) {
        super(message);
    }
}
