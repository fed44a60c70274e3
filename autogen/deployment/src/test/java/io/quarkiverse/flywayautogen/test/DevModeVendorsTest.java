package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.panache.Basket;
import io.quarkiverse.flywayautogen.test.panache.BasketResource;
import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * One entity model, two migration sets ({@code quarkus.flyway-autogen.vendors=sqlite,postgresql}): the application
 * runs on SQLite in dev mode, and every change it gets in {@code db/migration/sqlite} is also written, under the same
 * version and name, into {@code db/migration/postgresql}, replayed and self-checked on a PostgreSQL shadow server.
 * A draft amended on SQLite is amended for PostgreSQL too. At the end the PostgreSQL set builds, on a real database,
 * the tables the entities map. Skipped without the test server (as {@link PostgresDevModeTest}).
 */
@EnabledIf("io.quarkiverse.flywayautogen.test.PostgresTestServer#answers")
class DevModeVendorsTest {

    private static final String SERVER = PostgresTestServer.URL;
    private static final String USER = PostgresTestServer.USER;
    private static final String PASSWORD = PostgresTestServer.PASSWORD;
    private static final String CHECK_DATABASE = "autogen_vendors_test";
    private static final Path DB = Path.of("target/vendors-dev.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .setAllowFailedStart(true)
            .withApplicationRoot(jar -> jar.addClasses(Fruit.class, FruitResource.class)
                    .addAsResource(new StringAsset(properties()), "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    @AfterAll
    static void forgetTheShadowServer() throws SQLException {
        System.clearProperty("flyway-autogen.shadow-url");
        System.clearProperty("flyway-autogen.shadow-user");
        System.clearProperty("flyway-autogen.shadow-password");
        PostgresTestServer.admin("DROP DATABASE IF EXISTS " + CHECK_DATABASE + " WITH (FORCE)");
    }

    @Test
    void everyChangeIsWrittenForBothDatabasesUnderOneVersionAndName() throws Exception {
        RestAssured.port = PORT;
        Path sqlite = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        Path postgresql = sqlite.resolveSibling("postgresql");
        assertEquals("sqlite", sqlite.getFileName().toString());

        // 0. first start: V1 for both; the SQLite one is applied after the automatic restart
        TestApp.awaitAnswer("/fruits").then().statusCode(200);
        assertSameFiles(sqlite, postgresql, 1);
        assertTrue(Files.readString(postgresql.resolve(TestApp.files(postgresql).get(0)))
                .contains("CREATE SEQUENCE \"fruit_seq\""), "Hibernate's PostgreSQL sequence (names folded as PostgreSQL does), not SQLite's table");

        // 1. a new field while V1 is an uncommitted draft with no rows: V1 is amended, for PostgreSQL too
        devMode.modifySourceFile(Fruit.class, s -> s.replace("public String name;", "public String name;\n\n    public Integer weight;"));
        RestAssured.get("/fruits").then().statusCode(200);
        assertSameFiles(sqlite, postgresql, 1);
        String v1 = Files.readString(postgresql.resolve(TestApp.files(postgresql).get(0)));
        assertTrue(v1.contains("\"weight\" integer") && v1.contains("(postgresql)"), v1);

        // 2. rows in the dev database keep V1; a second entity is V2, in both folders
        RestAssured.given().contentType(ContentType.JSON).body("{\"name\":\"Apple\",\"weight\":3}").post("/fruits")
                .then().statusCode(201);
        devMode.addSourceFile(Basket.class);
        devMode.addSourceFile(BasketResource.class);
        RestAssured.get("/fruits").then().statusCode(200);
        assertSameFiles(sqlite, postgresql, 2);
        assertTrue(Files.readString(postgresql.resolve(TestApp.files(postgresql).get(1))).contains("FOREIGN KEY"));

        // 3. the PostgreSQL set builds what the entities map, on a real database
        PostgresTestServer.admin("DROP DATABASE IF EXISTS " + CHECK_DATABASE + " WITH (FORCE)");
        PostgresTestServer.admin("CREATE DATABASE " + CHECK_DATABASE);
        String url = PostgresTestServer.database(CHECK_DATABASE);
        assertEquals(2, Flyway.configure().dataSource(url, USER, PASSWORD).locations("filesystem:" + postgresql)
                .load().migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name)"
                     + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('fruit', 'basket')")) {
            rs.next();
            assertEquals("basket.fruit_id,basket.id,fruit.id,fruit.name,fruit.weight", rs.getString(1));
        }
    }

    /** Both folders hold {@code count} migrations, named alike, version for version. */
    private static void assertSameFiles(Path sqlite, Path postgresql, int count) throws IOException {
        List<String> files = TestApp.files(sqlite);
        assertEquals(count, files.size(), sqlite + " holds " + files + "; status " + TestApp.invoke("status", Map.of()));
        assertEquals(files, Files.isDirectory(postgresql) ? TestApp.files(postgresql) : List.of(), "the PostgreSQL set follows");
    }

    /**
     * SQLite in dev mode; PostgreSQL migrations beside them, replayed on the test server (the engine reads the shadow
     * server from system properties, which the build in this JVM sees).
     */
    private static String properties() {
        try {
            Files.deleteIfExists(DB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("flyway-autogen.shadow-url", SERVER);
        System.setProperty("flyway-autogen.shadow-user", USER);
        System.setProperty("flyway-autogen.shadow-password", PASSWORD);
        return "quarkus.http.port=" + PORT + "\n"
                + "quarkus.datasource.db-kind=sqlite\n"
                + "quarkus.datasource.jdbc.url=jdbc:sqlite:" + DB + "\n"
                + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n"
                + "quarkus.flyway.locations=db/migration/sqlite\n"
                + "quarkus.flyway-autogen.vendors=sqlite,postgresql\n";
    }
}
