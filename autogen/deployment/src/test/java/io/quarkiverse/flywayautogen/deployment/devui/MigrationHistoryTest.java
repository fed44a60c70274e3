package io.quarkiverse.flywayautogen.deployment.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.flywayautogen.core.render.ScriptRenderer;

/** The card's history: each file next to what Flyway recorded in a real SQLite database, and which one is the draft. */
class MigrationHistoryTest {

    @TempDir
    Path dir;

    private Path migrations() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(folder.resolve("V1__create_pets.sql"), "-- V1\n" + ScriptRenderer.GENERATED_MARK + "\nSELECT 1;\n");
        Files.writeString(folder.resolve("V2__by_hand.sql"), "SELECT 2;\n");
        Files.writeString(folder.resolve("V10__add_weight.sql"), "-- V10\n" + ScriptRenderer.GENERATED_MARK + "\nSELECT 10;\n");
        Files.writeString(folder.resolve("U10__add_weight.sql"), "-- undo\n" + ScriptRenderer.GENERATED_MARK + "\n");
        Files.writeString(folder.resolve("R__views.sql"), "SELECT 0;\n");
        Files.writeString(folder.resolve("notes.txt"), "not a migration");
        return folder;
    }

    @Test
    void statesComeFromFlywaysTableAndTheNewestGeneratedFileIsTheDraft() throws Exception {
        Path folder = migrations();
        String url = "jdbc:sqlite:" + dir.resolve("dev.db");
        try (Connection c = new org.sqlite.JDBC().connect(url, new Properties()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE flyway_schema_history (installed_rank INT, version VARCHAR(50),"
                    + " script VARCHAR(1000), success BOOLEAN)");
            s.executeUpdate("INSERT INTO flyway_schema_history VALUES (1, '1', 'V1__create_pets.sql', 1),"
                    + " (2, '2', 'V2__by_hand.sql', 0)");
        }

        Map<String, Object> json = new MigrationHistory(Optional.of(url), Optional.empty(), Optional.empty(),
                "flyway_schema_history").toJson(folder);

        assertEquals("", json.get("historyError"));
        assertEquals(List.of(
                "1 V1__create_pets.sql applied",
                "2 V2__by_hand.sql failed",
                "10 V10__add_weight.sql pending draft",
                " R__views.sql pending"), rows(json));
    }

    @Test
    void withoutADatabaseTheStatesAreUnknownAndSaySo() throws Exception {
        Path folder = migrations();

        Map<String, Object> json = new MigrationHistory(Optional.empty(), Optional.empty(), Optional.empty(),
                "flyway_schema_history").toJson(folder);

        assertTrue(((String) json.get("historyError")).contains("no JDBC URL"), json.toString());
        assertEquals("10 V10__add_weight.sql unknown draft", rows(json).get(2));
    }

    @Test
    void aCommittedFileIsNoDraft() throws Exception {
        Path folder = migrations();
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "migrations");

        Map<String, Object> json = new MigrationHistory(Optional.empty(), Optional.empty(), Optional.empty(),
                "flyway_schema_history").toJson(folder);

        assertEquals("10 V10__add_weight.sql unknown", rows(json).get(2));
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git " + String.join(" ", args));
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(Map<String, Object> json) {
        return ((List<Map<String, Object>>) json.get("history")).stream()
                .map(r -> r.get("version") + " " + r.get("file") + " " + r.get("state")
                        + (Boolean.TRUE.equals(r.get("draft")) ? " draft" : ""))
                .toList();
    }
}
