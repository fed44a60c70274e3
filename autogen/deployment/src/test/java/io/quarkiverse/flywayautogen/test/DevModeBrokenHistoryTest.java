package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * A dev database whose Flyway history no longer matches the folder: the extension names the case and the file in
 * one log line, lets the application start without Flyway's validation, and the card's JSON-RPC methods get out of
 * it: repair, re-apply the edited migration, reset (only when confirmed).
 */
class DevModeBrokenHistoryTest {

    private static final Path DB = Path.of("target/dev-mode-broken-history.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();
    private static final String V2 = "db/migration/V2__add_column_pets_weight.sql";

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void editedAppliedMigrationIsRepairedReappliedOrReset() throws Exception {
        RestAssured.port = PORT;
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.post("/pets/Rex").then().statusCode(200);
        assertEquals(false, history().get("broken"), history().toString());

        // edited after Flyway applied it: logged, and the application still starts (Flyway migrates without
        // validating) so that the Dev UI can fix it
        devMode.clearLogRecords();
        devMode.modifyResourceFile(V2, s -> s + "-- reviewed\n");
        RestAssured.get("/pets").then().statusCode(200);
        assertTrue(messages().stream().anyMatch(m -> m.contains("history is broken: V2__add_column_pets_weight.sql was"
                + " edited after it was applied (checksum mismatch)")), messages().toString());
        Map<String, Object> broken = history();
        assertEquals(true, broken.get("broken"), broken.toString());
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) broken.get("problems")).get(0);
        assertEquals("EDITED", problem.get("case"));
        assertEquals(List.of("reapply", "repair", "reset"), problem.get("fixes"));

        // reset asks for an explicit confirmation and changes nothing without it
        Map<String, Object> unconfirmed = TestApp.invoke("reset", Map.of());
        assertTrue(((String) unconfirmed.get("error")).contains("confirm=true"), unconfirmed.toString());
        assertEquals("1", database.query("SELECT COUNT(*) FROM pets"));

        // repair: the history takes the file's checksum; the next request starts the application again
        Map<String, Object> repaired = TestApp.invoke("repair", Map.of());
        assertEquals(false, repaired.get("broken"), repaired.toString());
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"name\":\"Rex\""));

        // edited again, with a statement this time: re-apply undoes the applied version and Flyway runs the new text
        devMode.modifyResourceFile(V2, s -> s + "UPDATE \"pets\" SET \"weight\" = 0;\n");
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        Map<String, Object> reapplied = TestApp.invoke("reapply", Map.of());
        assertEquals("", reapplied.get("error"), reapplied.toString());
        assertTrue(((String) reapplied.get("done")).contains("drop column pets.weight"), reapplied.toString());
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"name\":\"Rex\""));
        assertEquals("0", database.query("SELECT weight FROM pets WHERE name = 'Rex'"));

        // a database ahead of the folder (a migration from another branch): only a reset gets out of it
        database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (99, '9', 'other branch', 'SQL',"
                + " 'V9__other_branch.sql', 1, 'test', 1, 1)");
        Map<String, Object> ahead = history();
        Map<?, ?> aheadProblem = (Map<?, ?>) ((List<?>) ahead.get("problems")).get(0);
        assertEquals("DATABASE_AHEAD", aheadProblem.get("case"), ahead.toString());
        Map<String, Object> reset = TestApp.invoke("reset", Map.of("confirm", "true"));
        assertEquals(false, reset.get("broken"), reset.toString());
        assertEquals("0", database.query("SELECT COUNT(*) FROM pets"));
        assertEquals("2", database.query("SELECT MAX(version) FROM flyway_schema_history"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("[]"));
    }

    private static Map<String, Object> history() {
        return TestApp.invoke("history", Map.of());
    }

    private List<String> messages() {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage()).toList();
    }
}
