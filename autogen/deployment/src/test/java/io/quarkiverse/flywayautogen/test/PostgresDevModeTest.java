package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.panache.Basket;
import io.quarkiverse.flywayautogen.test.panache.BasketResource;
import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The Panache quickstart in dev mode on PostgreSQL, as a user with a configured database (no Docker, so no Dev
 * Services): no migrations folder, the extension writes V1 (table and Hibernate's sequence), then one migration per
 * entity edit, each replayed in a shadow database on the same server, applied on the reload, rows kept. Runs against
 * the test server ({@code -Dflyway-autogen.shadow-url/-user/-password}, by default {@code localhost:5432/autogen} as
 * autogen/autogen, which {@code .ci/run} prepares); skipped when none answers.
 */
@EnabledIf("io.quarkiverse.flywayautogen.test.PostgresTestServer#answers")
class PostgresDevModeTest {

    private static final String USER = PostgresTestServer.USER;
    private static final String PASSWORD = PostgresTestServer.PASSWORD;
    private static final String DATABASE = "autogen_devmode_test";
    private static final String URL = PostgresTestServer.database(DATABASE);
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .setAllowFailedStart(true)
            .withApplicationRoot(jar -> jar.addClasses(Fruit.class, FruitResource.class)
                    .addAsResource(new StringAsset(properties()), "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    @Test
    void panacheProjectOnPostgresGetsEveryMigrationFromAnEmptyFolder() throws Exception {
        RestAssured.port = PORT;
        String databasesBefore = otherDatabases();
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        // 0. first start: V1 creates fruit and its sequence; after the automatic restart it is applied and validated
        assertNewMigration(folder, 1, "CREATE SEQUENCE \"fruit_seq\" START WITH 1 INCREMENT BY 50");
        assertAnswers(TestApp.awaitAnswer("/fruits"));
        long apple = create("{\"name\":\"Apple\"}");
        long pear = create("{\"name\":\"Pear\"}");
        assertNotEquals(apple, pear);
        assertEquals("Apple,Pear", query("SELECT string_agg(name, ',' ORDER BY id) FROM fruit"));

        // 1. a new field: V2 adds the column, the rows stay
        devMode.modifySourceFile(Fruit.class, s -> s.replace("public String name;", "public String name;\n\n    public Integer weight;"));
        Response answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 2, "ADD COLUMN \"weight\" integer");
        assertAnswers(answer);
        create("{\"name\":\"Cherry\",\"weight\":5}");
        assertEquals("5", query("SELECT weight FROM fruit WHERE name = 'Cherry'"));

        // 2. a wider column: altered in place, unique constraint and rows kept
        devMode.modifySourceFile(Fruit.class, s -> s.replace("length = 40", "length = 100"));
        answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 3, "ALTER COLUMN \"name\" TYPE varchar(100)");
        assertAnswers(answer);
        assertEquals("character varying(100)", query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'fruit'::regclass AND attname = 'name'"));
        assertEquals("Apple,Pear,Cherry", query("SELECT string_agg(name, ',' ORDER BY id) FROM fruit"));

        // 3. a second entity: basket, its sequence and its foreign key to fruit. V3 only widened a column that every
        // row fits back into, so it can be undone: it is a draft (applied here only, not committed) and is amended
        // rather than followed by a V4
        devMode.addSourceFile(Basket.class);
        devMode.addSourceFile(BasketResource.class);
        answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 3, "FOREIGN KEY");
        assertNewMigration(folder, 3, "ALTER COLUMN \"name\" TYPE varchar(100)");
        assertAnswers(answer);
        long basket = RestAssured.post("/baskets/" + apple).then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertEquals(String.valueOf(apple), query("SELECT fruit_id FROM basket WHERE id = " + basket));
        // other builds on the same server come and go with shadow databases of their own: wait them out
        List<String> left = Waits.lastAnswer(Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> newDatabases(databasesBefore), List::isEmpty);
        assertEquals(List.of(), left, "every shadow database was dropped");
    }

    /** The server's databases but the application's: the shadow databases of the replays must all be gone again. */
    private static String otherDatabases() throws SQLException {
        return query("SELECT coalesce(string_agg(datname, ',' ORDER BY datname), '') FROM pg_database WHERE datname <> '" + DATABASE + "'");
    }

    /**
     * The engine's databases ({@code autogen_...}, as PostgresShadowDatabase names them) there are now that were not
     * there {@code before}; the databases of other projects' tests on the shared server are none of this test's.
     */
    private static List<String> newDatabases(String before) throws SQLException {
        List<String> known = List.of(before.split(","));
        return List.of(otherDatabases().split(",")).stream().filter(d -> !d.isEmpty() && !known.contains(d))
                .filter(d -> d.startsWith("autogen_"))
                .filter(d -> !d.startsWith("autogen_rc_")).toList(); // the replay cache's templates stay, bounded
    }

    private static void assertNewMigration(Path folder, int version, String expectedSql) throws Exception {
        List<String> files = Files.isDirectory(folder) ? TestApp.files(folder) : List.of();
        assertEquals(version, files.size(), folder + " holds " + files + "; status " + TestApp.invoke("status", Map.of()));
        String file = files.get(version - 1);
        assertTrue(file.matches("V" + version + "__\\w+\\.sql"), file);
        String sql = Files.readString(folder.resolve(file));
        assertTrue(sql.contains(expectedSql) && sql.contains("(postgresql)"), sql);
    }

    private static void assertAnswers(Response answer) {
        assertEquals(200, answer.statusCode(), () -> "GET /fruits: " + answer.asString().substring(0, Math.min(800, answer.asString().length())));
    }

    private static long create(String json) {
        return RestAssured.given().contentType(ContentType.JSON).body(json).post("/fruits")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = new org.postgresql.Driver().connect(URL, credentials()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static java.util.Properties credentials() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return p;
    }

    /** A new user's application.properties against a database created empty for this run. */
    private static String properties() {
        return PostgresTestServer.appProperties(DATABASE, PORT);
    }
}
