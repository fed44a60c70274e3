package io.quarkiverse.flywayautogen.core.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

/**
 * A throw-away database the engine owns: migrations are replayed and scripts tried on these, never on the
 * application's database. A file for SQLite; a database created on a server and dropped afterwards for a server
 * dialect. Connections are opened the way the application runs (SQLite: foreign keys on).
 */
public interface ScratchDatabase extends AutoCloseable {

    Connection connect();

    String jdbcUrl();

    /** Null when the database needs no credentials. */
    String user();

    String password();

    /** A new scratch database holding a copy of this one (taken while no connection is open). */
    ScratchDatabase copy(String purpose);

    /** A private temporary folder that lives as long as this database (self-check scripts are written there). */
    Path directory();

    @Override
    void close();

    /**
     * Flyway settings ({@code flyway.*} keys) a replay into this database needs beyond the locations: what a
     * database's Flyway plugin must be told so that every script the application can run also replays here.
     */
    default Map<String, String> flywaySettings() {
        return Map.of();
    }
}
