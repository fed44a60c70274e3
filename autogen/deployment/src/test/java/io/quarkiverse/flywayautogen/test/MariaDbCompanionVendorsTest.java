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

import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * MariaDB as a companion folder ({@code quarkus.flyway-autogen.vendors=sqlite,mariadb}), as {@link DevModeVendorsTest}
 * does it for PostgreSQL: the application runs on SQLite in dev mode, and each change it gets in
 * {@code db/migration/sqlite} is also written, under the same version and name, into {@code db/migration/mariadb},
 * replayed and self-checked on the MariaDB test server. At the end the MariaDB set builds, on a real MariaDB
 * database, the columns the entity maps. Skipped without the MariaDB test server.
 */
@EnabledIf("io.quarkiverse.flywayautogen.testsupport.MariaDbTestServer#answers")
class MariaDbCompanionVendorsTest {

    private static final String CHECK_DATABASE = "autogen_vendors_mariadb_test";
    private static final Path DB = Path.of("target/vendors-mariadb-dev.db").toAbsolutePath();
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
        MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + CHECK_DATABASE);
    }

    @Test
    void everyChangeIsWrittenForMariaDbTooUnderTheSameVersionAndName() throws Exception {
        RestAssured.port = PORT;
        Path sqlite = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        Path mariadb = sqlite.resolveSibling("mariadb");

        // 0. first start: V1 for both; MariaDB's has Hibernate's sequence for the Panache id, names in Panache's case
        TestApp.awaitAnswer("/fruits").then().statusCode(200);
        assertEquals(List.of(TestApp.files(sqlite).get(0)), Files.isDirectory(mariadb) ? TestApp.files(mariadb) : List.of(),
                "the MariaDB set follows; status " + TestApp.invoke("status", Map.of()));
        String v1 = Files.readString(mariadb.resolve(TestApp.files(mariadb).get(0)));
        assertTrue(v1.contains("CREATE SEQUENCE `Fruit_SEQ`") && v1.contains("(mariadb)"), v1);

        // 1. a new field: in both folders alike (V1 amended while it is a draft without rows, or a V2)
        devMode.modifySourceFile(Fruit.class, s -> s.replace("public String name;", "public String name;\n\n    public Integer weight;"));
        RestAssured.get("/fruits").then().statusCode(200);
        List<String> files = TestApp.files(sqlite);
        assertEquals(files, TestApp.files(mariadb), "the MariaDB set follows");
        assertTrue(Files.readString(mariadb.resolve(files.get(files.size() - 1))).contains("`weight` int"));

        // 2. the MariaDB set builds what the entity maps, on a real database
        MariaDbTestServer.admin("DROP DATABASE IF EXISTS " + CHECK_DATABASE);
        MariaDbTestServer.admin("CREATE DATABASE " + CHECK_DATABASE);
        String url = MariaDbTestServer.database(CHECK_DATABASE);
        assertEquals(files.size(), Flyway.configure().dataSource(url, MariaDbTestServer.USER, MariaDbTestServer.PASSWORD)
                .locations("filesystem:" + mariadb).load().migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url, MariaDbTestServer.USER, MariaDbTestServer.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY COLUMN_NAME) FROM information_schema.COLUMNS"
                     + " WHERE TABLE_SCHEMA = '" + CHECK_DATABASE + "' AND TABLE_NAME = 'Fruit'")) {
            rs.next();
            assertEquals("id,name,weight", rs.getString(1));
        }
    }

    /** SQLite in dev mode; MariaDB migrations beside them, replayed on the MariaDB test server (system properties). */
    private static String properties() {
        try {
            Files.deleteIfExists(DB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("flyway-autogen.shadow-url", MariaDbTestServer.URL);
        System.setProperty("flyway-autogen.shadow-user", MariaDbTestServer.USER);
        System.setProperty("flyway-autogen.shadow-password", MariaDbTestServer.PASSWORD);
        return "quarkus.http.port=" + PORT + "\n"
                + "quarkus.datasource.db-kind=sqlite\n"
                + "quarkus.datasource.jdbc.url=jdbc:sqlite:" + DB + "\n"
                + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n"
                + "quarkus.flyway.locations=db/migration/sqlite\n"
                + "quarkus.flyway-autogen.vendors=sqlite,mariadb\n";
    }
}
