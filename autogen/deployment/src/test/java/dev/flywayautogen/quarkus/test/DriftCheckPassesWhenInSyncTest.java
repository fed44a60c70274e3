package dev.flywayautogen.quarkus.test;

import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/** With the check on and migrations that match the entities, the application builds and serves as usual. */
class DriftCheckPassesWhenInSyncTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> TestApp.withPets(jar, Path.of("target/in-sync-check.db"),
                    "quarkus.flyway-autogen.check=true\n"
                            + "quarkus.flyway-autogen.migrations-location="
                            + Path.of("src/test/resources/migrations/v1").toAbsolutePath() + "\n"));

    @Test
    void applicationServesPets() {
        RestAssured.post("/pets/Rex").then().statusCode(200).body(containsString("Rex"));
        RestAssured.get("/pets").then().statusCode(200).body(containsString("\"nickname\""));
    }
}
