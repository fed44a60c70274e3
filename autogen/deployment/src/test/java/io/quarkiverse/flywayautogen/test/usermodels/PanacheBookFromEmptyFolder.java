package io.quarkiverse.flywayautogen.test.usermodels;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.test.usermodels.panachebv.Book;
import io.quarkiverse.flywayautogen.test.usermodels.panachebv.BookResource;
import io.quarkiverse.flywayautogen.test.usermodels.panachebv.Review;
import io.quarkiverse.flywayautogen.test.usermodels.panachebv.ReviewResource;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A Panache entity with Bean Validation ({@code @NotNull}, {@code @Size(max = 40)}, {@code @Digits}), a column typed
 * by hand ({@code columnDefinition = "TEXT"}) and a unique column, in dev mode from an empty migrations folder: V1 on
 * the first start, applied on the restart and validated; books persisted and read back through the resource, the
 * unique column refusing a duplicate; then a second entity ({@code Review}, many-to-one to {@code Book}) writes V2,
 * applied on the reload. One boot per database (the subclasses).
 *
 * <p>{@link #beanValidationDdlSizesAndRequiresColumns} holds what only Bean Validation decides, checked on the same
 * V1 (each test method would be a boot of its own: QuarkusDevModeTest starts the application per method).
 */
abstract class PanacheBookFromEmptyFolder {

    private static final String SUMMARY = "A desert planet, a noble family, a spice. ".repeat(30);

    abstract QuarkusDevModeTest devMode();

    abstract Database database();

    abstract int port();

    /** The table names as the database spells them: {@code Book} on SQLite, {@code book} on PostgreSQL. */
    abstract String table(String entity);

    /**
     * {@code properties} is asked again for every test method: QuarkusDevModeTest starts a new application, in a new
     * project folder, for each; the database is created empty for each too, so every method starts as a new user.
     */
    static QuarkusDevModeTest books(Supplier<String> properties) {
        return new QuarkusDevModeTest()
                .setAllowFailedStart(true)
                .withApplicationRoot(jar -> jar.addClasses(Book.class, BookResource.class)
                        .addAsResource(new StringAsset(properties.get()), "application.properties"))
                .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));
    }

    @Test
    void booksAndThenReviewsFromAnEmptyFolder() throws Exception {
        DevModeApp.target(port());
        Path folder = DevModeApp.migrationsFolder();
        String book = table("Book");

        // 0. the first start writes V1: the table, its id sequence, the hand-typed and the unique column
        MigrationText v1 = new MigrationText(DevModeApp.migration(folder, 1));
        beanValidationDdlSizesAndRequiresColumns(v1);
        assertTrue(v1.createsTable(book), v1.sql());
        assertTrue(v1.sql().matches("(?is).*CREATE (TABLE|SEQUENCE) \"" + table("Book_SEQ") + "\".*"), v1.sql());
        assertEquals("text", v1.column(book, "summary"), v1.sql());
        assertTrue(v1.sql().matches("(?is).*UNIQUE\\s*\\(\\s*\"isbn\"\\s*\\).*"), v1.sql());
        assertTrue(v1.column(book, "price").startsWith("numeric"), v1.sql());

        // the restart after V1 applies it; Hibernate's validation accepts it; books go in and come back
        DevModeApp.assertServes("/books", DevModeApp.awaitAnswer("/books"));
        long dune = create("Dune", "978-0441013593", SUMMARY, "9.99");
        long emma = create("Emma", "978-0141439587", null, "7.50");
        assertNotEquals(dune, emma);
        Response duplicate = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("title", "Dune Messiah", "isbn", "978-0441013593")).post("/books");
        assertTrue(duplicate.statusCode() >= 400, "a second book with Dune's ISBN: " + duplicate.statusCode());
        RestAssured.get("/books").then().statusCode(200)
                .body("title", contains("Dune", "Emma"))
                .body("[0].summary", org.hamcrest.Matchers.equalTo(SUMMARY))
                .body("[0].price", org.hamcrest.Matchers.equalTo(9.99f));
        assertEquals(String.valueOf(SUMMARY.length()),
                database().query("SELECT length(summary) FROM " + quoted(book) + " WHERE id = " + dune));

        // 1. a second entity: V2 creates Review with its foreign key to Book, applied on the reload
        devMode().addSourceFile(Review.class);
        devMode().addSourceFile(ReviewResource.class);
        Response answer = RestAssured.get("/books");
        MigrationText v2 = new MigrationText(DevModeApp.migration(folder, 2));
        String review = table("Review");
        assertTrue(v2.createsTable(review), v2.sql());
        assertTrue(v2.hasForeignKey(review, "book_id", book), v2.sql());
        DevModeApp.assertServes("/books", answer);
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("text", "Spice.", "stars", 5))
                .post("/reviews/" + dune).then().log().ifValidationFails().statusCode(201);
        RestAssured.get("/reviews/" + dune).then().statusCode(200).body("text", contains("Spice."));
        assertEquals(String.valueOf(dune), database().query("SELECT book_id FROM " + quoted(review)));
        RestAssured.get("/books").then().statusCode(200).body("title", contains("Dune", "Emma"));
    }

    /**
     * Bean Validation in the DDL, as Hibernate's own create applies it: {@code @NotNull @Size(max = 40)} gives a
     * NOT NULL {@code varchar(40)}, {@code @Digits(integer = 6, fraction = 2)} a {@code numeric(8,2)}. The unique
     * ISBN has no constraint and stays nullable, 255 long.
     */
    private void beanValidationDdlSizesAndRequiresColumns(MigrationText v1) {
        String book = table("Book");
        assertEquals("varchar(40) not null", v1.column(book, "title"), v1.sql());
        assertEquals("numeric(8,2)", v1.column(book, "price"), v1.sql());
        assertEquals("varchar(255)", v1.column(book, "isbn"), v1.sql());
    }

    private static long create(String title, String isbn, String summary, String price) {
        java.util.Map<String, Object> json = new java.util.HashMap<>(Map.of("title", title, "isbn", isbn,
                "price", new java.math.BigDecimal(price)));
        if (summary != null) {
            json.put("summary", summary);
        }
        return RestAssured.given().contentType(ContentType.JSON).body(json).post("/books")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String quoted(String table) {
        return "\"" + table + "\"";
    }
}
