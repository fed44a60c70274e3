package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.ids.Counter;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Fruit;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Gizmo;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Ticket;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Token;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every way an id is generated, each from an empty migrations folder: V1 is written and applied, Hibernate validates
 * it and persists with its real generator (on SQLite a sequence is a one-row table that must exist with its row),
 * and the entities then give no further change.
 */
class IdGenerationCorpusTest {

    @Test
    void panacheDefaultIdsFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Fruit.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Fruit.class)) {
                Fruit apple = fruit("Apple", "red");
                Fruit pear = fruit("Pear", "green");
                sf.inTransaction(s -> {
                    s.persist(apple);
                    s.persist(pear);
                });
                assertNotNull(apple.id);
                assertNotEquals(apple.id, pear.id);
                sf.inTransaction(s -> {
                    Fruit read = s.find(Fruit.class, pear.id);
                    assertEquals("Pear", read.name);
                    assertEquals("green", read.color);
                });
            }
            assertEquals(2, db.rowCount("Fruit"));
            db.assertNoChanges(Fruit.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Fruit.class);
        }
    }

    @Test
    void sequenceGeneratorWithCustomAllocationAndInitialValueFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Ticket.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Ticket.class)) {
                Ticket first = new Ticket();
                first.holder = "Ann";
                Ticket second = new Ticket();
                second.holder = "Bob";
                sf.inTransaction(s -> {
                    s.persist(first);
                    s.persist(second);
                });
                // initialValue = 1000: what Hibernate's own "insert into ticket_numbers values ( 1000 )" gives
                assertEquals(1000L, first.id);
                assertEquals(1001L, second.id);
                sf.inTransaction(s -> assertEquals("Bob", s.find(Ticket.class, second.id).holder));
            }
            db.assertNoChanges(Ticket.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Ticket.class);
        }
    }

    @Test
    void identityIntegerIdFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Counter.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Counter.class)) {
                Counter visits = new Counter();
                visits.label = "visits";
                visits.hits = 41;
                Counter clicks = new Counter();
                clicks.label = "clicks";
                sf.inTransaction(s -> {
                    s.persist(visits);
                    s.persist(clicks);
                });
                assertEquals(1, visits.id);
                assertEquals(2, clicks.id);
                sf.inTransaction(s -> {
                    Counter read = s.find(Counter.class, visits.id);
                    assertEquals("visits", read.label);
                    assertEquals(41, read.hits);
                });
            }
            db.assertNoChanges(Counter.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Counter.class);
        }
    }

    @Test
    void explicitAutoIdFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Gizmo.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Gizmo.class)) {
                Gizmo gizmo = new Gizmo();
                gizmo.model = "G-1";
                sf.inTransaction(s -> s.persist(gizmo));
                assertNotNull(gizmo.id);
                sf.inTransaction(s -> assertEquals("G-1", s.find(Gizmo.class, gizmo.id).model));
            }
            db.assertNoChanges(Gizmo.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Gizmo.class);
        }
    }

    @Test
    void uuidIdFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Token.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Token.class)) {
                Token token = new Token();
                token.owner = "ann";
                sf.inTransaction(s -> s.persist(token));
                UUID id = token.id;
                assertNotNull(id);
                sf.inTransaction(s -> assertEquals("ann", s.find(Token.class, id).owner));
            }
            db.assertNoChanges(Token.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Token.class);
        }
    }

    @Test
    void allIdStrategiesTogetherFromEmptyFolderPersist() throws Exception {
        Class<?>[] all = {Counter.class, Fruit.class, Gizmo.class, Ticket.class, Token.class};
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(all);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, all)) {
                Counter counter = new Counter();
                Fruit fruit = fruit("Kiwi", "brown");
                Gizmo gizmo = new Gizmo();
                Ticket ticket = new Ticket();
                Token token = new Token();
                // Sequence-generated entities first: Hibernate takes a table-emulated sequence value in a connection of its
                // own, which SQLite keeps waiting (SQLITE_BUSY) once this transaction holds the write lock, as it does
                // from the IDENTITY insert on, which cannot wait for the flush.
                sf.inTransaction(s -> {
                    s.persist(fruit);
                    s.persist(gizmo);
                    s.persist(ticket);
                    s.persist(token);
                    s.persist(counter);
                });
                sf.inTransaction(s -> {
                    assertNotNull(s.find(Counter.class, counter.id));
                    assertEquals("Kiwi", s.find(Fruit.class, fruit.id).name);
                    assertNotNull(s.find(Gizmo.class, gizmo.id));
                    assertNotNull(s.find(Ticket.class, ticket.id));
                    assertNotNull(s.find(Token.class, token.id));
                });
            }
            db.assertNoChanges(all);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, all);
        }
    }

    private static Fruit fruit(String name, String color) {
        Fruit f = new Fruit();
        f.name = name;
        f.color = color;
        return f;
    }
}
