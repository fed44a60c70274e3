package dev.petmanager.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.petmanager.support.OlderDatabase;
import dev.petmanager.support.PackagedService;
import dev.petmanager.support.PackagedService.Outcome;

/**
 * The packaged service logs plain text by default and one JSON object per line when
 * {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}. Shown on a start that ends by itself (a database whose earlier
 * migration failed), so the whole log of a run can be read.
 */
@DisabledIfSystemProperty(named = "pet-manager.test.database", matches = "postgresql",
        disabledReason = "its refused start is staged on a SQLite file; not yet written for a PostgreSQL database")
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logLinesAreJsonObjectsWhenSwitchedOn() throws Exception {
        Outcome outcome = PackagedService.runUntilExit(refusedDatabase(), 120,
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        List<String> logLines = logLines(outcome);
        assertFalse(logLines.isEmpty(), outcome.output());
        for (String line : logLines) {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.isObject() && record.hasNonNull("level") && record.hasNonNull("message"), line);
        }
        assertTrue(logLines.stream().anyMatch(line -> line.contains("\"loggerName\":\"org.flywaydb")), outcome.output());
    }

    @Test
    void logLinesArePlainTextByDefault() throws Exception {
        Outcome outcome = PackagedService.runUntilExit(refusedDatabase(), 120);
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertFalse(logLines(outcome).isEmpty(), outcome.output());
        assertTrue(logLines(outcome).stream().noneMatch(line -> line.startsWith("{")), outcome.output());
    }

    /** Every line but the last, which the service prints itself (plain text, always) before it exits. */
    private static List<String> logLines(Outcome outcome) {
        List<String> lines = Arrays.stream(outcome.output().strip().split("\\R")).filter(l -> !l.isBlank()).toList();
        return lines.subList(0, lines.size() - 1);
    }

    private static Path refusedDatabase() throws Exception {
        Path database = Path.of("target", "test-db", UUID.randomUUID().toString(), "pet-manager.db").toAbsolutePath();
        Files.createDirectories(database.getParent());
        OlderDatabase.migrate(database.toString(), "1");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (2, '2', 'create index ix pets species',"
                    + " 'SQL', 'V2__create_index_ix_pets_species.sql', 0, 'test', 1, 0)");
        }
        return database;
    }
}
