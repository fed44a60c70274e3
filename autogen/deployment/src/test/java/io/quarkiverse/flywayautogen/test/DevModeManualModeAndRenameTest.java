package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkiverse.flywayautogen.testsupport.Prerequisite;
import io.quarkiverse.flywayautogen.testsupport.Prerequisites;
import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * {@code mode=manual}, two scenarios on one dev-mode application, so in one test method (QuarkusDevModeTest starts
 * the application per method; one Quarkus boot instead of two, and the build's time is mostly boots), in this order:
 * <ol>
 * <li>The Dev UI card as a person uses it, in headless Chromium: an added column shown per table and as highlighted
 * SQL, generated under a message and listed in the history as a draft that the restart applies; a possible rename
 * with the rename field prefilled, the destructive alternative asked for and declined, then the rename confirmed; a
 * dropped column written only once the confirm dialog is accepted. No Refresh click anywhere: each reload's new state
 * reaches the card through its hot-reload hook. This covers the web component, its wiring and Dev UI's parts.</li>
 * <li>The card's JSON-RPC methods directly: changes are only reported until "generate"; a rename without a hint is a
 * possible rename that waits, and confirming it renames the column and keeps its data. It works on a column of its
 * own ({@code height}) and counts versions from the folder it finds, so it holds with or without the first.</li>
 * </ol>
 * Without Chromium the card's part is skipped, saying so (under CI=true it fails).
 */
class DevModeManualModeAndRenameTest {

    private static final Path DB = Path.of("target/dev-mode-manual.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();
    /**
     * Dev UI page path: the extension's namespace (also the prefix of its JSON-RPC methods, "quarkus-flyway-autogen_status"),
     * then the page title in kebab case; read off the running Dev UI.
     */
    private static final String CARD_PAGE = "quarkus-flyway-autogen/pending-migration";
    /** For a human to look at: the card with the pending column, and with the possible rename. */
    private static final Path PENDING_SCREENSHOT = Path.of("target/devui-card-pending.png").toAbsolutePath();
    private static final Path RENAME_SCREENSHOT = Path.of("target/devui-card-rename.png").toAbsolutePath();
    private static final String PETS = "[data-table=pets] ";

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "quarkus.flyway-autogen.mode=manual\n");

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void cardShowsChangesAsksBeforeDataLossAndFollowsReloadsThenJsonRpcReportsUntilGeneratedAndConfirmsRename() throws Exception {
        if (Prerequisites.present(Prerequisite.CHROMIUM)) {
            cardShowsChangesAsksBeforeDataLossAndFollowsReloads();
        }
        reportsUntilGeneratedAndConfirmsRename();
    }

    private void cardShowsChangesAsksBeforeDataLossAndFollowsReloads() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        // The reload happens on an application request, not on the card's JSON-RPC call: without this request the
        // card would still show the entities from before the edit. 500: manual mode wrote nothing, no column yet.
        RestAssured.get("/pets").then().statusCode(500);

        try (DevUiCardPage card = new DevUiCardPage("devui-card-browser-test")) {
            card.open("http://localhost:" + PORT + "/q/dev-ui/" + CARD_PAGE);

            // an added column: per table, marked safe; the SQL highlighted
            card.expectText(PETS + "[data-group=added] [data-object=column][data-name=weight]", "safe");
            card.expectText("#sql .cm-content", "ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;");
            assertTrue(card.count("#sql .cm-content span") > 1, "CodeMirror marks SQL keywords up in spans");
            card.expectText("#history tr[data-file='V1__create_pets.sql'] .state", "applied");
            card.screenshot(PENDING_SCREENSHOT);

            card.fill("#message", "Add pet weight");
            card.click("#generate");
            card.expectVisibleText("Wrote V2__add_pet_weight.sql");
            assertEquals(List.of("V1__create_pets.sql", "V2__add_pet_weight.sql"), TestApp.files(folder));
            assertTrue(Files.readString(folder.resolve("V2__add_pet_weight.sql"))
                    .contains("ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;"));
            card.expectText("#history tr[data-file='V2__add_pet_weight.sql'] .state", "pending");
            card.expectText("#history tr[data-file='V2__add_pet_weight.sql']", "draft");
            assertEquals("", card.inputValue("#message"), "the message named one migration only");

            // the new migration restarts the application on the next request and Flyway applies it; the card
            // learns it from the reload, without a Refresh
            getPetsAfterReload().then().statusCode(200).body(containsString("\"weight\":null"));
            card.expectText("#history tr[data-file='V2__add_pet_weight.sql'] .state", "applied");
            database.execute("UPDATE pets SET weight = 9");

            // a possible rename: both halves wait for an answer, the field holds the engine's guess
            devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer weight;", "public Integer weightKg;"));
            getPetsAfterReload().then().statusCode(500);
            card.expectText(PETS + "[data-group=dropped] [data-name=weight]", "needs confirmation");
            card.expectText(PETS + "[data-group=added] [data-name=weightKg]", "needs confirmation");
            assertEquals("pets.weight=weightKg", card.inputValue("#rename"));
            card.screenshot(RENAME_SCREENSHOT);

            // Generate would drop the column and its data: the dialog asks first, and Cancel writes nothing
            card.click("#generate");
            card.expectButton("Write it", true);
            card.expectPageText("vaadin-confirm-dialog", "The migration can lose data: pets: column weight dropped");
            card.clickButton("Cancel");
            card.expectButton("Write it", false);
            assertEquals(2, TestApp.files(folder).size(), TestApp.files(folder).toString());

            card.click("#confirm-rename");
            card.expectVisibleText("Wrote V3__");
            List<String> files = TestApp.files(folder);
            assertEquals(3, files.size(), files.toString());
            assertTrue(Files.readString(folder.resolve(files.get(2))).contains("RENAME COLUMN"), files.get(2));
            getPetsAfterReload().then().statusCode(200).body(containsString("\"weightKg\":9"));

            // a dropped column is destructive: written once the dialog is accepted
            devMode.modifySourceFile(Pet.class, s -> s.replace("@Column(length = 50)\n    public String nickname;", ""));
            getPetsAfterReload().then().statusCode(200); // an unmapped nullable column does not stop the app
            card.expectText(PETS + "[data-group=dropped] [data-name=nickname]", "destructive");
            card.expectText("#history tr[data-file='" + files.get(2) + "'] .state", "applied");
            card.click("#generate");
            card.expectPageText("vaadin-confirm-dialog", "The migration can lose data: pets: column nickname dropped");
            card.clickButton("Write it");
            card.expectVisibleText("Wrote V4__");
            assertEquals(4, TestApp.files(folder).size(), TestApp.files(folder).toString());
            getPetsAfterReload().then().statusCode(200);
            assertFalse(database.columns("pets").contains("nickname"), database.columns("pets").toString());
            card.expectText("#summary", "Entities and migrations are in sync");
        }
        assertTrue(Files.size(PENDING_SCREENSHOT) > 0 && Files.size(RENAME_SCREENSHOT) > 0);
    }

    private void reportsUntilGeneratedAndConfirmsRename() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        // what the card's scenario wrote is committed, as a person does before the next change: its last migration
        // is no draft any more, so this change gets a file of its own, as on a fresh application
        commitMigrations(folder);
        List<String> before = TestApp.files(folder);
        int version = before.size();

        devMode.modifySourceFile(Pet.class, s -> s.replace("public String name;",
                "public String name;\n\n    public Integer height;"));
        RestAssured.get("/pets").then().statusCode(500); // column not there yet: nothing was written
        Map<String, Object> status = TestApp.invoke("status", Map.of());
        assertEquals(before, TestApp.files(folder));
        assertEquals("mode is manual", status.get("confirmationNeeded"));
        assertEquals(List.of("add column pets.height integer null   (rollout: compatible)"), status.get("operations"));
        assertTrue(((String) status.get("sql")).contains("ALTER TABLE \"pets\" ADD COLUMN \"height\" INTEGER;"));

        Map<String, Object> generated = TestApp.invoke("generate", Map.of());
        assertEquals("", generated.get("error"));
        assertTrue(((String) generated.get("lastGeneratedFile")).endsWith("V" + (version + 1) + "__add_column_pets_height.sql"),
                generated.toString());
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"height\":null"));
        database.execute("UPDATE pets SET height = 9");

        devMode.modifySourceFile(Pet.class, s -> s.replace("public Integer height;", "public Integer heightCm;"));
        RestAssured.get("/pets").then().statusCode(500);
        status = TestApp.invoke("status", Map.of());
        assertEquals(true, status.get("possibleRename"), status.toString());
        assertEquals(version + 1, TestApp.files(folder).size());

        Map<String, Object> renamed = TestApp.invoke("confirmRename", Map.of("rename", "pets.height=heightCm"));
        assertEquals("", renamed.get("error"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"heightCm\":9"));
        assertEquals(version + 2, TestApp.files(folder).size(), TestApp.files(folder).toString());
        assertTrue(Files.readString(folder.resolve(TestApp.files(folder).get(version + 1))).contains("RENAME COLUMN"));
    }

    /** {@code git init} in the dev-mode project (if not yet) and a commit of its migrations folder. */
    private static void commitMigrations(Path folder) throws Exception {
        assertTrue(folder.endsWith(Path.of("src/main/resources/db/migration")), folder.toString());
        Path project = folder.getParent().getParent().getParent().getParent().getParent();
        if (!Files.isDirectory(project.resolve(".git"))) {
            git(project, "init", "-q");
        }
        git(project, "add", "--", "src/main/resources/db/migration");
        git(project, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                "commit", "-q", "--allow-empty", "-m", "migrations");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertTrue(git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0, "git " + String.join(" ", args));
    }

    /**
     * The open Dev UI page makes requests of its own after a source edit or a written migration, and one of them may
     * already have started the reload or restart. Seen here: a request arriving while it ends was answered 503 "worker
     * thread pool exhaustion". So 503 means "ask again"; any other status is the answer.
     */
    private static Response getPetsAfterReload() throws InterruptedException {
        return Waits.lastAnswer(java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(100),
                () -> RestAssured.get("/pets"), response -> response.statusCode() != 503);
    }
}
