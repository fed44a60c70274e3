package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * {@code mode=manual}: changes are only reported until the Dev UI's "generate"; a rename without a hint is a
 * possible rename that waits, and confirming it through JSON-RPC renames the column and keeps its data.
 */
class DevModeManualModeAndRenameTest {

    private static final Path DB = Path.of("target/dev-mode-manual.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "quarkus.flyway-autogen.mode=manual\n");

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void reportsUntilGeneratedAndConfirmsRename() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.get("/pets").then().statusCode(500); // column not there yet: nothing was written
        Map<String, Object> status = TestApp.invoke("status", Map.of());
        assertEquals(List.of("V1__create_pets.sql"), TestApp.files(folder));
        assertEquals("mode is manual", status.get("confirmationNeeded"));
        assertEquals(List.of("add column pets.weight integer null   (rollout: compatible)"), status.get("operations"));
        assertTrue(((String) status.get("sql")).contains("ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;"));

        Map<String, Object> generated = TestApp.invoke("generate", Map.of());
        assertEquals("", generated.get("error"));
        assertTrue(((String) generated.get("lastGeneratedFile")).endsWith("V2__add_column_pets_weight.sql"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        database.execute("UPDATE pets SET weight = 9");

        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight;", "public Integer weightKg;"));
        RestAssured.get("/pets").then().statusCode(500);
        status = TestApp.invoke("status", Map.of());
        assertEquals(true, status.get("possibleRename"), status.toString());
        assertEquals(2, TestApp.files(folder).size());

        Map<String, Object> renamed = TestApp.invoke("confirmRename", Map.of("rename", "pets.weight=weightKg"));
        assertEquals("", renamed.get("error"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weightKg\":9"));
        assertEquals(3, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertTrue(Files.readString(folder.resolve(TestApp.files(folder).get(2))).contains("RENAME COLUMN"));
    }
}
