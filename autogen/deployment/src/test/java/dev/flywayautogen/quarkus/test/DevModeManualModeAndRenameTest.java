package dev.flywayautogen.quarkus.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.flywayautogen.quarkus.test.app.Pet;
import io.quarkus.dev.console.DevConsoleManager;
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
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> {
                deleteDatabase();
                TestApp.withPets(jar, DB, "quarkus.http.port=" + PORT + "\nquarkus.flyway-autogen.mode=manual\n");
            });

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void reportsUntilGeneratedAndConfirmsRename() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) invoke("status", Map.of()).get("migrationsFolder"));

        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.get("/pets").then().statusCode(500); // column not there yet: nothing was written
        Map<String, Object> status = invoke("status", Map.of());
        assertEquals(List.of("V1__create_pets.sql"), files(folder));
        assertEquals("mode is manual", status.get("confirmationNeeded"));
        assertEquals(List.of("add column pets.weight INTEGER null"), status.get("operations"));
        assertTrue(((String) status.get("sql")).contains("ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;"));

        Map<String, Object> generated = invoke("generate", Map.of());
        assertEquals("", generated.get("error"));
        assertTrue(((String) generated.get("lastGeneratedFile")).endsWith("V2__add_column_pets_weight.sql"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weight\":null"));
        database.execute("UPDATE pets SET weight = 9");

        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight;", "public Integer weightKg;"));
        RestAssured.get("/pets").then().statusCode(500);
        status = invoke("status", Map.of());
        assertEquals(true, status.get("possibleRename"), status.toString());
        assertEquals(2, files(folder).size());

        Map<String, Object> renamed = invoke("confirmRename", Map.of("rename", "pets.weight=weightKg"));
        assertEquals("", renamed.get("error"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"weightKg\":9"));
        assertEquals(3, files(folder).size(), files(folder).toString());
        assertTrue(Files.readString(folder.resolve(files(folder).get(2))).contains("RENAME COLUMN"));
    }

    private static Map<String, Object> invoke(String method, Map<String, String> params) {
        return DevConsoleManager.invoke("flyway-autogen_" + method, params);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void deleteDatabase() {
        try {
            Files.deleteIfExists(DB);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
