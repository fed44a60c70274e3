package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Book;
import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Country;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unique constraints, indexes and natural ids from an empty folder. Hibernate's own SQLite DDL drops table-level
 * unique constraints (SQLiteDialect renders them as ALTER TABLE, which it cannot do), so here the database itself
 * must refuse duplicates: that is what the annotations ask for.
 */
class ConstraintsCorpusTest {

    @Test
    void uniqueConstraintsAndIndexesFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Country.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Country.class)) {
                Country france = country("FR", "France", "Europe", 68_000_000L);
                sf.inTransaction(s -> s.persist(france));
                sf.inTransaction(s -> {
                    Country read = s.find(Country.class, france.id);
                    assertEquals("FR", read.isoCode);
                    assertEquals("France", read.name);
                    assertEquals("Europe", read.continent);
                    assertEquals(68_000_000L, read.population);
                });
                Corpus.assertRefusedAsDuplicate(() -> sf.inTransaction(s -> s.persist(country("FR", "Other", "Asia", 1))),
                        "Country.isoCode");
                Corpus.assertRefusedAsDuplicate(() -> sf.inTransaction(s -> s.persist(country("FX", "France", "Europe", 1))),
                        "Country.continent", "Country.name");
            }
            assertEquals(1, db.rowCount("Country"));
            Set<String> indexes = Corpus.snapshot(db).tables().get("Country").indexes();
            assertTrue(indexes.contains("idx_country_name(name)"), () -> "named index kept by its name: " + indexes);
            assertTrue(indexes.stream().anyMatch(i -> i.endsWith("(continent, population)")), () -> "unnamed index: " + indexes);
            db.assertNoChanges(Country.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Country.class);
        }
    }

    @Test
    void naturalIdFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Book.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Book.class)) {
                Book book = book("978-0-13-468599-1", "Effective Java");
                sf.inTransaction(s -> s.persist(book));
                sf.inTransaction(s -> {
                    Book read = s.bySimpleNaturalId(Book.class).load("978-0-13-468599-1");
                    assertEquals(book.id, read.id);
                    assertEquals("Effective Java", read.title);
                });
                Corpus.assertRefusedAsDuplicate(() -> sf.inTransaction(s -> s.persist(book("978-0-13-468599-1", "Copy"))),
                        "Book.isbn");
            }
            assertEquals(1, db.rowCount("Book"));
            db.assertNoChanges(Book.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Book.class);
        }
    }

    private static Country country(String iso, String name, String continent, long population) {
        Country c = new Country();
        c.isoCode = iso;
        c.name = name;
        c.continent = continent;
        c.population = population;
        return c;
    }

    private static Book book(String isbn, String title) {
        Book b = new Book();
        b.isbn = isbn;
        b.title = title;
        return b;
    }
}
