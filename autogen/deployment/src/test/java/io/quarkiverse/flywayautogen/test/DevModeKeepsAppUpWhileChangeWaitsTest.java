package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkiverse.flywayautogen.test.app.PetResource;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * An application that has Hibernate ORM validate its schema, as it should: whatever waits for the user (a possible
 * rename, a destructive change, a NOT NULL column the engine refuses to add) leaves it up, with its Dev UI, so the
 * card that resolves the change answers over Dev UI's own WebSocket; resolving it there writes the migration, the
 * application applies it and validates again. The log stays quiet: no error, none of the engine's Flyway or
 * Hibernate lines, no line twice, no raw ANSI codes.
 */
class DevModeKeepsAppUpWhileChangeWaitsTest {

    private static final Path DB = Path.of("target/dev-mode-keeps-app-up.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();
    private static final String STRATEGY = "quarkus.hibernate-orm.schema-management.strategy";

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> {
                try {
                    Files.deleteIfExists(DB);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                jar.addClasses(Pet.class, PetResource.class)
                        .addAsResource(TestApp.V1.toFile(), "db/migration/V1__create_pets.sql")
                        .addAsResource(new StringAsset(TestApp.properties(DB).replace(STRATEGY + "=none", STRATEGY
                                + "=validate") + "quarkus.http.port=" + PORT + "\n"), "application.properties");
            })
            .setLogRecordPredicate(r -> true);

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void renameDestructiveAndRefusedChangesWaitWithTheApplicationUp() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        database.execute("UPDATE pets SET nickname = 'Rexy'");
        assertNull(System.getProperty(STRATEGY), "nothing waits: the application's own validation");

        // 1. a possible rename waits; Hibernate would refuse the missing column, yet the application is up
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;", "public String alias;"));
        // any request runs the reload: Dev UI's page answers, where only an error page did (Hibernate refused
        // the missing column); the application's own queries would fail until the rename is written
        RestAssured.get("/q/dev-ui/").then().statusCode(200);
        JsonNode waiting = DevUiJsonRpc.call(PORT, "status", Map.of());
        assertTrue(waiting.path("possibleRename").asBoolean(), waiting.toString());
        assertEquals("pets.nickname=alias", waiting.path("suggestedRename").asText(), waiting.toString());
        assertEquals("none", System.getProperty(STRATEGY), "validation waits with the change");

        JsonNode renamed = DevUiJsonRpc.call(PORT, "confirmRename", Map.of("rename", "pets.nickname=alias"));
        assertEquals("", renamed.path("error").asText(), renamed.toString());
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"alias\":\"Rexy\""));
        assertNull(System.getProperty(STRATEGY), "written and applied: the application validates again");

        // 2. a dropped field waits for the confirmation the card asks for
        devMode.modifySourceFile(Pet.class, s -> s.replace("    @Column(length = 50)\n    public String alias;\n", ""));
        RestAssured.get("/pets").then().statusCode(200);
        JsonNode destructive = DevUiJsonRpc.call(PORT, "status", Map.of());
        assertEquals("destructive change", destructive.path("confirmationNeeded").asText(), destructive.toString());
        JsonNode dropped = DevUiJsonRpc.call(PORT, "confirmDestructive", Map.of());
        assertEquals("", dropped.path("error").asText(), dropped.toString());
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"name\":\"Rex\""));
        assertFalse(database.columns("pets").contains("alias"), database.columns("pets").toString());

        // 3. a NOT NULL column without a default for the existing row: the engine refuses, the card says why
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String name;",
                "public String name;\n\n    @Column(nullable = false)\n    public Integer age;"));
        RestAssured.get("/q/dev-ui/").then().statusCode(200);
        JsonNode refused = DevUiJsonRpc.call(PORT, "status", Map.of());
        assertTrue(refused.path("error").asText().contains("cannot add NOT NULL"), refused.toString());
        devMode.modifySourceFile(Pet.class, s -> s.replace("@Column(nullable = false)\n    public Integer age;",
                "public Integer age;"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"age\":null"));
        assertNull(System.getProperty(STRATEGY));

        List<String> lines = lines(Level.INFO);
        assertTrue(lines.stream().anyMatch(l -> l.contains("possible rename") && l.contains(
                "http://localhost:" + PORT + "/q/dev-ui/quarkus-flyway-autogen/pending-migration")), lines.toString());
        assertEquals(List.of(), lines(Level.SEVERE), "no error while changes waited");
        for (String noise : List.of("No migrations found", "HHH90000025", "\u001b[")) {
            assertTrue(lines.stream().noneMatch(l -> l.contains(noise)), noise + " in " + lines);
        }
        Set<String> seen = new HashSet<>();
        List<String> extensionLines = devMode.getLogRecords().stream()
                .filter(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen")).map(this::text).toList();
        assertTrue(extensionLines.stream().allMatch(seen::add), "each line once: " + extensionLines);
    }

    /** Everything logged at {@code level} and above, the extension's and everyone else's. */
    private List<String> lines(Level level) {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(this::text).toList();
    }

    private String text(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }
}
