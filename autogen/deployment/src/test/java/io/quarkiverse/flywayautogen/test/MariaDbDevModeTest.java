package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer;
import io.quarkiverse.flywayautogen.testsupport.Waits;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The Panache quickstart in dev mode on MariaDB ({@code db-kind=mariadb}), as {@link PostgresDevModeTest} on
 * PostgreSQL: no migrations folder, the extension writes V1 (table and Hibernate's sequence), then a migration for an
 * entity edit, replayed in a shadow database ({@code autogen_*}) on the same server, applied on the reload with the
 * rows kept, and every shadow database dropped again. Runs against the MariaDB test server
 * ({@link MariaDbTestServer}, which {@code .ci/run} starts); skipped when none answers.
 */
@EnabledIf("io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer#answers")
class MariaDbDevModeTest {

    private static final String DATABASE = "autogen_devmode_mariadb";
    private static final String URL = MariaDbTestServer.database(DATABASE);
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .setAllowFailedStart(true)
            .withApplicationRoot(jar -> jar.addClasses(Fruit.class, FruitResource.class)
                    .addAsResource(new StringAsset(properties()), "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void panacheProjectOnMariaDbGetsItsMigrationsFromAnEmptyFolder() throws Exception {
        RestAssured.port = PORT;
        List<String> databasesBefore = databases();
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        // 0. first start: V1 creates Fruit and Hibernate's sequence (MariaDB keeps the names' case, as Panache spells
        // them); after the automatic restart it is applied
        assertNewMigration(folder, 1, "CREATE SEQUENCE `Fruit_SEQ`");
        assertAnswers(TestApp.awaitAnswer("/fruits"));
        create("{\"name\":\"Apple\"}");
        create("{\"name\":\"Pear\"}");
        assertEquals("Apple,Pear", query("SELECT GROUP_CONCAT(name ORDER BY id) FROM `Fruit`"));

        // 1. a new field: V2 adds the column (V1 holds rows, so it is not amended), applied on the reload, rows kept
        devMode.modifySourceFile(Fruit.class, s -> s.replace("public String name;", "public String name;\n\n    public Integer weight;"));
        Response answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 2, "ADD COLUMN `weight` int");
        assertAnswers(answer);
        create("{\"name\":\"Cherry\",\"weight\":5}");
        assertEquals("5", query("SELECT weight FROM `Fruit` WHERE name = 'Cherry'"));
        assertEquals("Apple,Pear,Cherry", query("SELECT GROUP_CONCAT(name ORDER BY id) FROM `Fruit`"));
        assertEquals("2", query("SELECT MAX(version) FROM flyway_schema_history WHERE success = 1"));

        // other builds on the same server come and go with shadow databases of their own: wait them out
        List<String> left = Waits.lastAnswer(Duration.ofSeconds(30), Duration.ofMillis(500),
                () -> databases().stream().filter(d -> !databasesBefore.contains(d)).toList(), List::isEmpty);
        assertEquals(List.of(), left, "every shadow database was dropped");
    }

    /** The engine's databases on the server ({@code autogen_...}, as the shadow databases are named) but the application's. */
    private static List<String> databases() throws SQLException {
        String names = query("SELECT COALESCE(GROUP_CONCAT(SCHEMA_NAME ORDER BY SCHEMA_NAME), '') FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'autogen\\_%' AND SCHEMA_NAME <> '" + DATABASE + "'");
        return names.isEmpty() ? List.of() : List.of(names.split(","));
    }

    private static void assertNewMigration(Path folder, int version, String expectedSql) throws Exception {
        List<String> files = Files.isDirectory(folder) ? TestApp.files(folder) : List.of();
        assertEquals(version, files.size(), folder + " holds " + files + "; status " + TestApp.invoke("status", Map.of()));
        String file = files.get(version - 1);
        assertTrue(file.matches("V" + version + "__\\w+\\.sql"), file);
        String sql = Files.readString(folder.resolve(file));
        assertTrue(sql.contains(expectedSql) && sql.contains("(mariadb)"), sql);
    }

    private static void assertAnswers(Response answer) {
        assertEquals(200, answer.statusCode(), () -> "GET /fruits: " + answer.asString().substring(0, Math.min(800, answer.asString().length())));
    }

    private static void create(String json) {
        RestAssured.given().contentType(ContentType.JSON).body(json).post("/fruits")
                .then().log().ifValidationFails().statusCode(201);
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, MariaDbTestServer.USER, MariaDbTestServer.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A new user's application.properties against a MariaDB database created empty for this run. */
    private static String properties() {
        if (MariaDbTestServer.answers()) {
            try {
                MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + DATABASE);
                MariaDbTestServer.admin("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + DATABASE + ": " + e.getMessage(), e);
            }
        }
        return "quarkus.http.port=" + PORT + "\n"
                + "quarkus.datasource.db-kind=mariadb\n"
                + "quarkus.datasource.devservices.enabled=false\n"
                + "quarkus.datasource.jdbc.url=" + URL + "\n"
                + "quarkus.datasource.username=" + MariaDbTestServer.USER + "\n"
                + "quarkus.datasource.password=" + MariaDbTestServer.PASSWORD + "\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
