package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The live-coding loop, one reload after another on the same application: an entity edit writes the next migration
 * into the source folder and the same reload applies it; a reload without a change writes nothing; a destructive
 * change waits for the Dev UI's confirmation; a rename declared with {@code @RenamedFrom} keeps the data.
 */
class DevModeGeneratesMigrationTest {

    private static final Path DB = Path.of("target/dev-mode-generates.db").toAbsolutePath();
    /** Not 8080: the machine running the tests may have something there already. */
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void liveCodingLoop() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        assertEquals(List.of(), messages(), "in sync at start: nothing written, nothing logged");
        Path folder = Path.of((String) status().get("migrationsFolder"));
        assertEquals(List.of("V1__create_pets.sql"), TestApp.files(folder));
        // a new dev-mode session (as after a restart) knows the last generated file from the folder: V1's header
        assertEquals(folder.resolve("V1__create_pets.sql").toString(), status().get("lastGeneratedFile"));

        // 1. a new field: V2 appears in the source folder and is applied on the same reload
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        assertEquals(List.of("V1__create_pets.sql", "V2__add_column_pets_weight.sql"), TestApp.files(folder));
        String v2 = Files.readString(folder.resolve("V2__add_column_pets_weight.sql"));
        assertTrue(v2.contains("ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;"), v2);
        assertTrue(database.columns("pets").contains("weight"), database.columns("pets").toString());
        assertTrue(messages().stream().anyMatch(m -> m.contains("wrote ") && m.contains("V2__add_column_pets_weight.sql")
                && m.contains("add column pets.weight")), messages().toString());
        database.execute("UPDATE pets SET weight = 7");

        // 2. a reload that changes nothing in the schema writes nothing, and one that cannot (a method body) does not
        // even compare
        devMode.clearLogRecords();
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight;", "public Integer weight; // grams"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":7"));
        assertEquals(2, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertEquals(List.of(), messages());
        int comparisons = (Integer) status().get("comparisons");
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight; // grams",
                "public Integer weight; // grams\n\n    static String species() {\n        return \"dog\";\n    }"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":7"));
        assertEquals(comparisons, status().get("comparisons"), "a new method cannot change the mapping: not compared");
        assertEquals(List.of(), messages());

        // 3. dropping a field is destructive: reported, not written until confirmed through JSON-RPC
        devMode.modifySourceFile(Pet.class, s -> s.replace("    @Column(length = 50)\n    public String nickname;\n", ""));
        RestAssured.get("/pets").then().statusCode(200);
        assertEquals(2, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertTrue(messages().stream().anyMatch(m -> m.contains("not written (destructive change)")
                && m.contains("drop column pets.nickname") && m.endsWith("or set quarkus.flyway-autogen.allow-destructive=true")),
                messages().toString());
        assertEquals("destructive change", status().get("confirmationNeeded"));
        Map<String, Object> confirmed = TestApp.invoke("confirmDestructive", Map.of());
        assertEquals("", confirmed.get("error"));
        assertEquals(List.of("V1__create_pets.sql", "V2__add_column_pets_weight.sql", "V3__drop_column_pets_nickname.sql"), TestApp.files(folder));
        RestAssured.get("/pets").then().statusCode(200); // the new file restarts the application: Flyway applies it
        assertFalse(database.columns("pets").contains("nickname"), database.columns("pets").toString());

        // 4. a rename declared with @RenamedFrom keeps the data
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight; // grams",
                "@io.quarkiverse.flywayautogen.RenamedFrom(\"weight\")\n    public Integer weightGrams;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weightGrams\":7"));
        assertEquals(4, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertEquals("7", database.query("SELECT weightGrams FROM pets WHERE name = 'Rex'"));

        // 5. a merge brought a second V4: the log names both files (Flyway then refuses the folder at start)
        devMode.clearLogRecords();
        String v4 = TestApp.files(folder).get(3);
        Files.writeString(folder.resolve("V4__from_another_branch.sql"), "CREATE INDEX ix_pets_name ON pets (name);\n");
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weightGrams;", "public Integer weightGrams;\n\n    public String tag;"));
        RestAssured.get("/pets");
        assertTrue(messages().stream().anyMatch(m -> m.contains("cannot generate the next migration")
                && m.contains("(version 4: " + String.join(" and ", java.util.stream.Stream.of(v4, "V4__from_another_branch.sql")
                        .sorted().toList()) + ")")), messages().toString());
    }

    private static Map<String, Object> status() {
        return TestApp.invoke("status", Map.of());
    }

    /** What the extension logged at INFO and above: what a user sees. */
    private List<String> messages() {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(DevModeGeneratesMigrationTest::text).collect(Collectors.toList());
    }

    private static String text(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }
}
