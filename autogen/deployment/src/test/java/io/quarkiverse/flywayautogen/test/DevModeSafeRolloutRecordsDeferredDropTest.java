package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * {@code rollout=safe} in dev mode: a field removed from an entity is a drop the previous release still needs, so no
 * migration drops it; dev mode lists it in {@code flyway-autogen-deferred.txt}, as the generate goal does, for the
 * contract step, and the column stays with its data.
 */
class DevModeSafeRolloutRecordsDeferredDropTest {

    private static final Path DB = Path.of("target/dev-mode-safe-rollout.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "quarkus.flyway-autogen.rollout=safe\n")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void removedFieldIsRecordedAsDeferredDropAndKept() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        database.execute("UPDATE pets SET nickname = 'Rexy'");
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        assertEquals(List.of("V1__create_pets.sql"), TestApp.files(folder));

        devMode.modifySourceFile(Pet.class, s -> s.replace("    @Column(length = 50)\n    public String nickname;\n", ""));
        RestAssured.get("/pets").then().statusCode(200);

        assertEquals(List.of("V1__create_pets.sql", "flyway-autogen-deferred.txt"), TestApp.files(folder),
                "no migration drops it; the deferred-drops file lists it");
        List<String> items = Files.readAllLines(folder.resolve("flyway-autogen-deferred.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(1, items.size(), items.toString());
        assertTrue(items.get(0).startsWith("column pets.nickname |"), items.toString());
        assertEquals("Rexy", database.query("SELECT nickname FROM pets WHERE name = 'Rex'"), "the column keeps its data");
        assertTrue(messages().stream().anyMatch(m -> m.contains("pets.nickname") && m.contains("recorded in")
                && m.contains("flyway-autogen-deferred.txt")), messages().toString());

        // the next comparison expects the listed drop: in sync, nothing written or logged again
        devMode.clearLogRecords();
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String name;", "public String name; // required"));
        RestAssured.get("/pets").then().statusCode(200);
        assertEquals(2, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertEquals(List.of(), messages());
    }

    /** What the extension logged at INFO and above: what a user sees. */
    private List<String> messages() {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(DevModeSafeRolloutRecordsDeferredDropTest::text).toList();
    }

    private static String text(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }
}
