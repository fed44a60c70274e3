package io.quarkiverse.flywayautogen.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.visits.Visit;
import io.quarkiverse.flywayautogen.test.visits.VisitResource;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Dev mode on PostgreSQL: a nullable date made {@code @Column(nullable = false)} on rows that all hold a date. The
 * self-check proves the NOT NULL on a sample row holding NULL (the script must fail whole there) and lets the
 * migration through; it is written and applied on the reload. It was refused on PostgreSQL when the sample rows
 * could not be stored (a boolean bound as an integer) and the proof claimed a NULL no row held.
 */
@EnabledIf("io.quarkiverse.flywayautogen.test.PostgresTestServer#answers")
class PostgresNotNullDevModeTest {

    private static final String DATABASE = "autogen_devmode_notnull_test";
    private static final String URL = PostgresTestServer.database(DATABASE);
    private static final int PORT = TestApp.freePort();

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .setAllowFailedStart(true)
            .withApplicationRoot(jar -> jar.addClasses(Visit.class, VisitResource.class)
                    .addAsResource(new StringAsset(properties()), "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));

    @Test
    void tighteningADateToNotNullOnRowsWithoutNullIsGeneratedAndApplied() throws Exception {
        RestAssured.port = PORT;
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));
        assertEquals(200, TestApp.awaitAnswer("/visits").statusCode());
        assertEquals(1, TestApp.files(folder).size(), TestApp.files(folder).toString());
        RestAssured.post("/visits").then().log().ifValidationFails().statusCode(201);
        RestAssured.post("/visits").then().log().ifValidationFails().statusCode(201);
        String column = query("SELECT attname FROM pg_attribute WHERE attrelid = 'visit'::regclass AND attname LIKE 'visit%date'");
        assertEquals("NO", notNull(column), "nullable in V1");

        devMode.modifySourceFile(Visit.class, s -> s.replace("    public LocalDate visitDate;",
                "    @jakarta.persistence.Column(nullable = false)\n    public LocalDate visitDate;"));
        Response answer = RestAssured.get("/visits");
        assertEquals(200, answer.statusCode(), () -> answer.asString() + "; status " + TestApp.invoke("status", Map.of()));
        List<String> files = TestApp.files(folder);
        assertEquals(2, files.size(), () -> files + "; status " + TestApp.invoke("status", Map.of()));
        String v2 = Files.readString(folder.resolve(files.get(1)));
        assertTrue(v2.contains("ALTER COLUMN \"" + column + "\" SET NOT NULL") && v2.contains("(postgresql)"), v2);
        assertEquals("YES", notNull(column), "V2 applied on the reload");
        assertEquals("2", query("SELECT count(*) FROM visit WHERE " + column + " IS NOT NULL"), "rows kept");
    }

    /** Whether the column is NOT NULL in the application's database, as YES or NO. */
    private static String notNull(String column) throws SQLException {
        return query("SELECT CASE WHEN attnotnull THEN 'YES' ELSE 'NO' END FROM pg_attribute"
                + " WHERE attrelid = 'visit'::regclass AND attname = '" + column + "'");
    }

    private static String query(String sql) throws SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", PostgresTestServer.USER);
        credentials.setProperty("password", PostgresTestServer.PASSWORD);
        try (Connection c = new org.postgresql.Driver().connect(URL, credentials); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A new user's application.properties against a database created empty for this run. */
    private static String properties() {
        return PostgresTestServer.appProperties(DATABASE, PORT);
    }
}
