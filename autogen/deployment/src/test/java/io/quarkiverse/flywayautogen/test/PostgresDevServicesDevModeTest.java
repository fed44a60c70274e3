package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkiverse.flywayautogen.testsupport.ContainerTestEngine;
import io.quarkiverse.flywayautogen.testsupport.Prerequisite;
import io.quarkiverse.flywayautogen.testsupport.Requires;
import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A Panache application on PostgreSQL that configures no {@code jdbc.url} in any profile, as most do: Dev Services
 * start its database. The first start writes V1 from an empty migrations folder, Flyway applies it on the restart
 * that follows, an entity edit writes V2, applied on the reload; the shadow databases are created on the Dev Services
 * server, the card names that server and Flyway's history on it is read (no "unknown"). One container for the whole
 * session, and none left after it. The image is the local PostgreSQL stand-in (no registry here) under a tag of this
 * test's own, so that its containers are told apart from other tests' and removed if Dev Services left one.
 */
@Requires(Prerequisite.CONTAINER_ENGINE)
class PostgresDevServicesDevModeTest {

    private static final String IMAGE = "localhost/flyway-autogen-devservices-test-postgres:15";
    private static final int PORT = TestApp.freePort();
    /** Containers of {@link #IMAGE} before the application started: none of them is this test's. */
    private static final List<String> BEFORE = new ArrayList<>();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .setAllowFailedStart(true)
            .withApplicationRoot(jar -> {
                ContainerTestEngine.postgresStandIn(IMAGE);
                BEFORE.clear();
                BEFORE.addAll(ContainerTestEngine.devServicesContainers(IMAGE));
                jar.addClasses(Fruit.class, FruitResource.class)
                        .addAsResource(new StringAsset(properties()), "application.properties");
            })
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    @Test
    void firstStartWritesV1OnTheDevServicesDatabaseAndAnEntityEditWritesV2() throws Exception {
        RestAssured.port = PORT;
        Response first = awaitAnswer("/fruits");
        assertEquals(200, first.statusCode(), () -> first.asString() + "; status " + status());
        Map<String, Object> status = status();
        Path folder = Path.of((String) status.get("migrationsFolder"));
        List<String> files = TestApp.files(folder);
        assertEquals(1, files.size(), files::toString);
        assertTrue(files.get(0).matches("V1__\\w+\\.sql"), files::toString);
        assertTrue(Files.readString(folder.resolve(files.get(0))).contains("CREATE TABLE \"fruit\""), files::toString);

        // the card names the server, which is also the shadow databases' one
        String server = (String) status.get("devDatabase");
        assertTrue(server.matches("Dev Services PostgreSQL at [\\w.-]+:\\d+"), server);
        assertEquals(server, status.get("shadowServer"), "shadow databases on another server than the dev database's");
        String hostPort = server.substring(server.lastIndexOf(' ') + 1);

        // V1 is applied: rows go in and come back through Panache, and the history page knows it
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("name", "apple")).post("/fruits")
                .then().log().ifValidationFails().statusCode(201);
        RestAssured.get("/fruits").then().statusCode(200).body("name", contains("apple"));
        assertHistory(status(), List.of("applied"));
        List<String> running = newContainers();
        assertEquals(1, running.size(), "one Dev Services container: " + running);

        // an entity edit: V2 is written and applied on the reload, on the same database
        devMode.modifySourceFile(Fruit.class, s -> s.replace("    public String name;",
                "    public String name;\n\n    public String color;"));
        Response reloaded = RestAssured.get("/fruits");
        assertEquals(200, reloaded.statusCode(), () -> reloaded.asString() + "; status " + status());
        List<String> after = TestApp.files(folder);
        assertEquals(2, after.size(), () -> after + "; status " + status());
        String v2 = Files.readString(folder.resolve(after.get(1)));
        assertTrue(after.get(1).startsWith("V2__") && v2.contains("\"color\""), v2);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("name", "cherry", "color", "red")).post("/fruits")
                .then().log().ifValidationFails().statusCode(201);
        RestAssured.get("/fruits").then().statusCode(200).body("name", contains("apple", "cherry"));
        assertEquals("red", query(hostPort, "SELECT color FROM fruit WHERE name = 'cherry'"));
        assertEquals("2", query(hostPort, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
        assertHistory(status(), List.of("applied", "applied"));
        assertEquals(running, newContainers(), "the reload reused the Dev Services database");
    }

    /**
     * Dev Services stop their containers when dev mode ends (QuarkusDevModeTest ends it after each test); Ryuk, which
     * would reap what a crash leaves, cannot run here, so what is left is removed, and the test fails saying so.
     */
    @AfterAll
    static void noContainerLeft() {
        List<String> left = Waits.lastAnswer(Duration.ofSeconds(30), Duration.ofMillis(200),
                PostgresDevServicesDevModeTest::newContainers, List::isEmpty);
        ContainerTestEngine.remove(left);
        assertEquals(List.of(), left, "containers Dev Services left behind (removed now)");
    }

    private static List<String> newContainers() {
        List<String> now = new ArrayList<>(ContainerTestEngine.devServicesContainers(IMAGE));
        now.removeAll(BEFORE);
        return now;
    }

    @SuppressWarnings("unchecked")
    private static void assertHistory(Map<String, Object> status, List<String> states) {
        assertEquals("", status.get("historyError"), status::toString);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) status.get("history");
        assertEquals(states, rows.stream().map(row -> row.get("state")).toList(), status::toString);
    }

    private static Map<String, Object> status() {
        return TestApp.invoke("status", Map.of());
    }

    /** Dev Services' defaults: database, user and password {@code quarkus}. */
    private static String query(String hostPort, String sql) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "quarkus");
        credentials.setProperty("password", "quarkus");
        try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://" + hostPort + "/quarkus", credentials);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /**
     * GET until 200, at most three minutes: the first start pulls up the container, writes V1, then restarts; the
     * last answer after that (or the connection's failure) is what the test reports.
     */
    private static Response awaitAnswer(String path) {
        // RestAssured rethrows ConnectException unchecked while the restart has not opened the port yet
        return Waits.lastAnswer(Duration.ofMinutes(3), Duration.ofMillis(100), () -> RestAssured.get(path),
                answer -> answer.statusCode() == 200);
    }

    /**
     * No jdbc.url in any profile: Dev Services start the database, from the stand-in image. No schema-management
     * strategy either, as in the quickstarts: Hibernate ORM must not create the tables itself on the first start.
     */
    private static String properties() {
        return "quarkus.http.port=" + PORT + "\n"
                + "quarkus.datasource.db-kind=postgresql\n"
                + "quarkus.datasource.devservices.image-name=" + IMAGE + "\n"
                + "quarkus.datasource.devservices.reuse=false\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
