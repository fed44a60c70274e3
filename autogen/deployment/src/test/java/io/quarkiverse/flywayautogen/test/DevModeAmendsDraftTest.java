package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * One change set, one migration: while the newest migration is a draft, the next mapping change rewrites it (the
 * dev database is taken back to before it and keeps its rows) instead of adding a file; the Dev UI renames it;
 * once git has it committed, the next change writes a new file and the committed one is never touched.
 */
class DevModeAmendsDraftTest {

    private static final Path DB = Path.of("target/dev-mode-drafts.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void amendsTheDraftUntilItIsCommitted() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        // a new field: V2, the draft of this change set (V1 was not written by this session, so it is not one)
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        assertEquals(List.of("V1__create_pets.sql", "V2__add_column_pets_weight.sql"), TestApp.files(folder));

        // its type changes before it is committed: V2 is rewritten and applied again, the row is still there
        devMode.clearLogRecords();
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight;", "@jakarta.persistence.Column(length = 20)\n    public String weight;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"name\":\"Rex\""));
        assertEquals(List.of("V1__create_pets.sql", "V2__add_column_pets_weight.sql"), TestApp.files(folder));
        String v2 = Files.readString(folder.resolve("V2__add_column_pets_weight.sql"));
        assertTrue(v2.contains("ADD COLUMN \"weight\" VARCHAR(20);"), v2);
        assertEquals("VARCHAR(20)", database.query("SELECT type FROM pragma_table_info('pets') WHERE name = 'weight'"));
        assertEquals("1", database.query("SELECT COUNT(*) FROM pets WHERE name = 'Rex'"));
        assertEquals("1", database.query("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"));
        assertTrue(messages().stream().anyMatch(m -> m.contains("amended draft V2__add_column_pets_weight.sql -> V2__add_column_pets_weight.sql")
                && m.contains("undid it on the dev database first (drop column pets.weight)")), messages().toString());

        // the Dev UI names the change: the draft is generated again under that name, applied on the next request
        Map<String, Object> named = TestApp.invoke("nameDraft", Map.of("message", "Weigh pets"));
        assertEquals("", named.get("error"), named.toString());
        assertEquals(List.of("V1__create_pets.sql", "V2__weigh_pets.sql"), TestApp.files(folder));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        assertEquals("weigh pets", database.query("SELECT description FROM flyway_schema_history WHERE version = '2'"));
        assertEquals("V2__weigh_pets.sql", TestApp.invoke("history", Map.of()).get("draft"));

        // committed: no longer a draft; the next change writes V3 and leaves V2's bytes alone
        Path project = folder.getParent().getParent().getParent().getParent().getParent();
        git(project, "init", "-q");
        git(project, "add", "src/main/resources/db/migration");
        git(project, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "V2");
        assertEquals("", TestApp.invoke("history", Map.of()).get("draft"));
        byte[] committedV2 = Files.readAllBytes(folder.resolve("V2__weigh_pets.sql"));
        database.execute("UPDATE pets SET weight = 'heavy'");
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String weight;", "public String weight;\n\n    public Integer tag;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"tag\":null"));
        assertEquals(List.of("V1__create_pets.sql", "V2__weigh_pets.sql", "V3__add_column_pets_tag.sql"), TestApp.files(folder));
        assertTrue(java.util.Arrays.equals(committedV2, Files.readAllBytes(folder.resolve("V2__weigh_pets.sql"))));

        // V3 is untracked, so a draft again: amended; V2 and its data stay as they were
        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer tag;", "public String tag;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":\"heavy\""));
        assertEquals(List.of("V1__create_pets.sql", "V2__weigh_pets.sql", "V3__add_column_pets_tag.sql"), TestApp.files(folder));
        assertTrue(Files.readString(folder.resolve("V3__add_column_pets_tag.sql")).contains("ADD COLUMN \"tag\" VARCHAR(255);"));
        assertTrue(java.util.Arrays.equals(committedV2, Files.readAllBytes(folder.resolve("V2__weigh_pets.sql"))));
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git " + String.join(" ", args));
    }

    private List<String> messages() {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage()).toList();
    }
}
