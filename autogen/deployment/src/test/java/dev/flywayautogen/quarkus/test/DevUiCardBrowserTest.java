package dev.flywayautogen.quarkus.test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.flywayautogen.quarkus.test.app.Pet;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The Dev UI card as a person uses it, in headless Chromium: after an entity edit in {@code mode=manual} the card
 * lists the pending operation and its SQL, and its Generate button writes the migration the next reload applies.
 * The JSON-RPC methods behind the card are tested directly in {@link DevModeManualModeAndRenameTest}; this test
 * covers what that one cannot: the web component loads in the Dev UI, renders the status and wires its button.
 */
class DevUiCardBrowserTest {

    private static final Path DB = Path.of("target/devui-card-browser.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();
    /**
     * Dev UI page path: the extension's namespace (also the prefix of its JSON-RPC methods, "flyway-autogen_status"),
     * then the page title in kebab case; read off the running Dev UI.
     */
    private static final String CARD_PAGE = "flyway-autogen/pending-migration";
    /** For a human to look at: the card with the pending operation, then after Generate. */
    private static final Path PENDING_SCREENSHOT = Path.of("target/devui-card-pending.png").toAbsolutePath();
    private static final Path GENERATED_SCREENSHOT = Path.of("target/devui-card-generated.png").toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "quarkus.flyway-autogen.mode=manual\n");

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void cardShowsPendingColumnAndGeneratesIt() throws Exception {
        RestAssured.port = PORT;
        RestAssured.post("/pets/Rex").then().statusCode(200);
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        // The reload happens on an application request, not on the card's JSON-RPC call: without this request the
        // card would still show the entities from before the edit. 500: manual mode wrote nothing, no column yet.
        RestAssured.get("/pets").then().statusCode(500);
        assertEquals(List.of("V1__create_pets.sql"), TestApp.files(folder));

        String output = new DevUiCardScript("devui-card-browser-test").run(
                "http://localhost:" + PORT + "/q/dev-ui/", List.of(
                        "open", CARD_PAGE,
                        "expect", "#operations li", "add column pets.weight",
                        "expect", "#sql", "ALTER TABLE \"pets\" ADD COLUMN \"weight\"",
                        "screenshot", PENDING_SCREENSHOT.toString(),
                        "click", "#generate",
                        "expect", "#last", "Last generated file: " + folder.resolve("V2__add_column_pets_weight.sql"),
                        "screenshot", GENERATED_SCREENSHOT.toString()));
        System.out.println("Dev UI card browser test output:\n" + output);

        assertEquals(List.of("V1__create_pets.sql", "V2__add_column_pets_weight.sql"), TestApp.files(folder), output);
        String v2 = Files.readString(folder.resolve("V2__add_column_pets_weight.sql"));
        assertTrue(v2.contains("ALTER TABLE \"pets\" ADD COLUMN \"weight\" INTEGER;"), v2);
        // the new migration restarts the application on the next request, and Flyway applies it
        getPetsAfterRestart().then().statusCode(200).body(containsString("\"weight\":null"));
        assertTrue(database.columns("pets").contains("weight"), database.columns("pets").toString());
        assertTrue(Files.size(PENDING_SCREENSHOT) > 0 && Files.size(GENERATED_SCREENSHOT) > 0, output);
    }

    /**
     * The Dev UI page makes requests of its own once the card wrote V2, and one of them may already have started the
     * restart. Seen here: a request arriving while that restart ends was answered 503 "worker thread pool
     * exhaustion". So 503 means "ask again"; any other status is the answer.
     */
    private static Response getPetsAfterRestart() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Response response = RestAssured.get("/pets");
        while (response.statusCode() == 503 && System.nanoTime() < deadline) {
            System.out.println("GET /pets: 503 while the restart the Dev UI started ends, asking again");
            Thread.sleep(250);
            response = RestAssured.get("/pets");
        }
        return response;
    }
}
