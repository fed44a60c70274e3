package io.quarkiverse.flywayautogen.test;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.flywayautogen.test.panache.Basket;
import io.quarkiverse.flywayautogen.test.panache.BasketResource;
import io.quarkiverse.flywayautogen.test.panache.Fruit;
import io.quarkiverse.flywayautogen.test.panache.FruitResource;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What a new Quarkus user does: the Panache quickstart's entity with Quarkus' defaults (no physical naming strategy,
 * so table {@code Fruit} and the table {@code Fruit_SEQ} that emulates its id sequence on SQLite), Flyway migrating
 * at start, Hibernate validating what the migrations built, and no {@code db/migration} folder at all. The extension
 * creates the folder and writes V1 on the first start, then one migration per entity edit, each applied on the reload
 * that wrote it, without losing a row.
 */
class PanacheDefaultsFromEmptyFolderTest {

    private static final Path DB = Path.of("target/panache-defaults.db").toAbsolutePath();
    private static final int PORT = TestApp.freePort();

    /**
     * The first start writes V1 into a folder the class path did not have when the start began, so that start cannot
     * apply it: it starts without migrating or validating (no failed start), and the extension restarts the
     * application, which then applies V1: the test waits for that restart ({@link TestApp#awaitAnswer}).
     */
    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Fruit.class, FruitResource.class)
                    .addAsResource(new StringAsset(properties()), "application.properties"))
            .setLogRecordPredicate(r -> true);

    private final DevDatabase database = new DevDatabase(DB);

    @Test
    void panacheProjectGetsEveryMigrationFromAnEmptyFolder() throws Exception {
        RestAssured.port = PORT;
        Path folder = Path.of((String) TestApp.invoke("status", Map.of()).get("migrationsFolder"));

        // 0. first start: the folder is created, V1 creates Fruit and Fruit_SEQ with its row, validate passes
        assertNewMigration(folder, 1);
        // The extension restarts the application by itself to apply V1 (about a second after the start ended); a
        // request sent before that would meet the tables V1 has not created yet, so the first one waits for it.
        awaitFirstRestart();
        Response answer = TestApp.awaitAnswer("/fruits");
        assertAnswers(answer);
        assertEquals("1", database.query("SELECT count(*) FROM \"Fruit_SEQ\""), "V1 initialises the id sequence");
        assertQuietFirstStart(folder);
        long apple = create("{\"name\":\"Apple\"}");
        long pear = create("{\"name\":\"Pear\"}");
        assertNotEquals(apple, pear, "ids from the emulated sequence");
        RestAssured.get("/fruits").then().statusCode(200).body("name", contains("Apple", "Pear"));
        assertEquals("Apple,Pear", fruitNames());

        // 1. a new field: V2 adds the column, the rows stay
        devMode.modifySourceFile(Fruit.class, s -> s.replace("public String name;",
                "public String name;\n\n    public Integer weight;"));
        answer = RestAssured.get("/fruits"); // runs the reload: compare, write, migrate, validate
        assertNewMigration(folder, 2);
        assertAnswers(answer);
        create("{\"name\":\"Cherry\",\"weight\":5}");
        assertEquals("Apple,Pear,Cherry", fruitNames());
        assertEquals("5", database.query("SELECT weight FROM \"Fruit\" WHERE name = 'Cherry'"));

        // 2. a wider column: SQLite cannot alter it, so V3 rebuilds Fruit, keeping its rows and its unique constraint
        devMode.modifySourceFile(Fruit.class, s -> s.replace("length = 40", "length = 100"));
        answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 3);
        assertAnswers(answer);
        // the widening rebuilds Fruit outside Flyway's transaction (foreign keys off): Quarkus' Flyway read the .conf
        assertTrue(Files.readString(folder.resolve(TestApp.files(folder).get(2) + ".conf")).contains("executeInTransaction=false"));
        String ddl = database.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Fruit'");
        assertTrue(ddl != null && ddl.matches("(?is).*\"?name\"?\\s+varchar\\s*\\(\\s*100\\s*\\).*"), "Fruit: " + ddl);
        assertEquals("1", database.query("SELECT count(*) FROM pragma_index_list('Fruit')"
                + " WHERE \"unique\" = 1 AND origin <> 'pk'"), "name is still unique: " + ddl);
        assertEquals("Apple,Pear,Cherry", fruitNames());
        assertEquals("5", database.query("SELECT weight FROM \"Fruit\" WHERE name = 'Cherry'"));
        create("{\"name\":\"Durian\"}"); // and the rebuilt table takes new rows

        // 3. a second entity: Basket (foreign key to Fruit) and Basket_SEQ with its row. V3 only widened a column that
        // every row fits back into, so it can be undone: it is a draft and is amended (with its .conf, and no stale
        // .conf of the old name left behind) rather than followed by a V4
        devMode.addSourceFile(Basket.class);
        devMode.addSourceFile(BasketResource.class);
        answer = RestAssured.get("/fruits");
        assertNewMigration(folder, 3);
        assertTrue(TestApp.files(folder).get(2).startsWith("V3__alter_basket_and_fruit"), TestApp.files(folder).toString());
        assertEquals(List.of("V3__alter_basket_and_fruit.sql.conf"),
                TestApp.files(folder).stream().filter(f -> f.endsWith(".conf")).toList());
        assertAnswers(answer);
        assertEquals("1", database.query("SELECT count(*) FROM \"Basket_SEQ\""), "V3 initialises the id sequence");
        long basket = RestAssured.post("/baskets/" + apple).then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertEquals(String.valueOf(apple), database.query("SELECT fruit_id FROM \"Basket\" WHERE id = " + basket));
        assertEquals("Fruit", database.query("SELECT \"table\" FROM pragma_foreign_key_list('Basket')"));
        assertEquals(4, RestAssured.get("/fruits").then().statusCode(200).extract().jsonPath().getList("id").size());
    }

    /** The reload that triggered the comparison wrote exactly one new file: {@code V<version>__<what>.sql}. */
    private void assertNewMigration(Path folder, int version) throws IOException {
        List<String> all = Files.isDirectory(folder) ? TestApp.files(folder) : List.of();
        // a SQLite rebuild comes with its Flyway script configuration (V3__x.sql.conf: executeInTransaction=false)
        List<String> files = all.stream().filter(f -> f.endsWith(".sql")).toList();
        String context = folder + " holds " + all + "; the extension logged " + messages()
                + "; status " + TestApp.invoke("status", Map.of());
        assertEquals(version, files.size(), context);
        assertTrue(files.get(version - 1).matches("V" + version + "__\\w+\\.sql"), context);
    }

    /** The application started: Flyway applied the migrations and Hibernate's validation accepted the result. */
    private static void assertAnswers(Response answer) {
        assertEquals(200, answer.statusCode(), () -> "GET /fruits: " + errorText(answer));
    }

    /** POST /fruits, answered 201 with the persisted entity; its id. */
    private static long create(String json) {
        return RestAssured.given().contentType(ContentType.JSON).body(json).post("/fruits")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void awaitFirstRestart() throws InterruptedException {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> assertTrue(lines(r -> true).stream()
                        .anyMatch(l -> l.startsWith("Restarting quarkus due to changes in V1__")),
                        () -> "no restart to apply V1 within 120 s: " + lines(r -> true)));
    }

    private String fruitNames() throws SQLException {
        return database.query("SELECT group_concat(name, ',') FROM (SELECT name FROM \"Fruit\" ORDER BY id)");
    }

    /** The dev-mode error page, as text and cut short: the exception is at its top. */
    private static String errorText(Response answer) {
        String text = answer.asString().replaceAll("(?s)<(script|style).*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").trim();
        return answer.statusCode() + " " + text.substring(0, Math.min(text.length(), 800));
    }

    /**
     * The first start said what happens next in one line, and nothing that reads as a problem: no error (Hibernate's
     * validation of tables V1 had not created yet), no Flyway "No migrations found" from the engine's replay of the
     * empty folder (the build's threads), one restart, no raw ANSI codes.
     */
    private void assertQuietFirstStart(Path folder) {
        List<String> all = lines(r -> true);
        assertEquals(List.of(), lines(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), all.toString());
        assertEquals(List.of(), lines(r -> r instanceof ExtLogRecord ext && ext.getThreadName().startsWith("build-")
                && text(r).contains("No migrations found")), all.toString());
        assertTrue(all.stream().noneMatch(l -> l.contains("\u001b[")), all.toString());
        assertEquals(1, all.stream().filter(l -> l.startsWith("Restarting quarkus due to changes in V1__")).count(),
                all.toString());
        assertEquals(List.of(folder + " is new, so this start cannot apply V1__create_table_fruit.sql: the application"
                + " starts without it, then restarts once to apply it"), messages().stream()
                .filter(m -> m.contains("restart")).map(m -> m.substring("Flyway autogenerate: ".length())).toList());
    }

    /** What the extension logged at INFO and above: what the user sees. */
    private List<String> messages() {
        return lines(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));
    }

    /** What was logged at INFO and above, of the records {@code which} accepts. */
    private List<String> lines(java.util.function.Predicate<LogRecord> which) {
        return devMode.getLogRecords().stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .filter(which).map(PanacheDefaultsFromEmptyFolderTest::text).toList();
    }

    private static String text(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }

    /** A new user's application.properties; the database file does not exist yet. */
    private static String properties() {
        try {
            Files.deleteIfExists(DB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "quarkus.http.port=" + PORT + "\n"
                + "quarkus.datasource.db-kind=sqlite\n"
                + "quarkus.datasource.jdbc.url=jdbc:sqlite:" + DB + "\n"
                + "quarkus.hibernate-orm.dialect=org.hibernate.community.dialect.SQLiteDialect\n"
                + "quarkus.hibernate-orm.schema-management.strategy=validate\n"
                + "quarkus.flyway.migrate-at-start=true\n";
    }
}
