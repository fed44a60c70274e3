package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.app.Pet;
import io.quarkiverse.flywayautogen.testsupport.Prerequisite;
import io.quarkiverse.flywayautogen.testsupport.Requires;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The card's "Migration history" page in headless Chromium: an applied migration was edited, which Flyway's
 * validation would refuse (and dev mode serves no Dev UI while the application is down); the page shows the case
 * and repairs it. The JSON-RPC methods themselves are tested in {@link DevModeBrokenHistoryTest}.
 */
@Requires(Prerequisite.CHROMIUM)
class DevUiHistoryPageBrowserTest {

    private static final Path DB = Path.of("target/devui-history-browser.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();
    /** The extension's namespace, then the page title in kebab case. */
    private static final String HISTORY_PAGE = "quarkus-flyway-autogen/migration-history";

    @RegisterExtension
    static final QuarkusDevModeTest devMode = TestApp.devMode(DB, PORT, "");

    @Test
    void historyPageShowsAndRepairsAnEditedMigration() throws Exception {
        RestAssured.port = PORT;
        devMode.modifySourceFile(Pet.class, s -> s.replace("public String nickname;",
                "public String nickname;\n\n    public Integer weight;"));
        RestAssured.post("/pets/Rex").then().statusCode(200);
        devMode.modifyResourceFile("db/migration/V2__add_column_pets_weight.sql", s -> s + "-- reviewed\n");
        // the history is broken: logged, and the application starts without Flyway's validation, Dev UI included
        RestAssured.get("/pets").then().statusCode(200);

        try (DevUiCardPage history = new DevUiCardPage("devui-history-browser-test", "qwc-flyway-autogen-history", "#reapply")) {
            history.open("http://localhost:" + PORT + "/q/dev-ui/" + HISTORY_PAGE);
            history.expectText("#history-problems li", "V2__add_column_pets_weight.sql was edited after it was applied");
            history.screenshot(Path.of("target/devui-history-broken.png").toAbsolutePath());
            history.click("#repair");
            history.expectText("#history-ok", "matches the migrations");
        }
        // the repair touched the file, so the application restarts: a request in that window may be refused (503)
        TestApp.awaitAnswer("/pets").then().statusCode(200).body(containsString("\"name\":\"Rex\""));
    }
}
