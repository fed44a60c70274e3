package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.evolve.addfield.v2.Gadget;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v2.Author;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v2.Review;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.rename.v1.Crate;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.rename.v2.Box;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.renametable.v2.Shelf;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fields, entities and table names change while the tables hold rows (see {@link ChangeScenario}). New rows are
 * persisted after each change with Hibernate's own id generator, so a sequence table that is missing, empty, or
 * restarted below the existing keys fails here as it would in the application.
 */
class EntityChangeCorpusTest {

    @Test
    void addedFieldsKeepRowsAndTakeTheDeclaredDefault() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.addfield.v1.Gadget.class).to(Gadget.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var old = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.addfield.v1.Gadget();
                        old.name = "widget";
                        s.persist(old);
                    }))
                    .afterChange((d, sf) -> {
                        Gadget old = sf.fromTransaction(s -> s.createQuery("from Gadget", Gadget.class).getSingleResult());
                        assertEquals("widget", old.name);
                        assertNull(old.serial);
                        assertNull(old.weightGrams);
                        assertEquals(0, old.stock, "existing rows take @ColumnDefault(\"0\")");
                        Gadget fresh = new Gadget();
                        fresh.name = "sprocket";
                        fresh.serial = "SN-1";
                        fresh.weightGrams = 250;
                        fresh.stock = 7;
                        sf.inTransaction(s -> s.persist(fresh));
                        Gadget read = sf.fromTransaction(s -> s.find(Gadget.class, fresh.id));
                        assertEquals("SN-1", read.serial);
                        assertEquals(250, read.weightGrams);
                        assertEquals(7, read.stock);
                    })
                    .afterUndo((d, sf) -> {
                        assertEquals(2, d.rowCount("Gadget"));
                        assertFalse(Corpus.snapshot(d).tables().get("Gadget").columns().stream().anyMatch(c -> c.name().equals("serial")));
                    })
                    .run(db);
        }
    }

    @Test
    void entityAddedLaterGetsAnInitialisedSequenceTableAndPersists() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v1.Author.class).to(Author.class, Review.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var ann = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.newentity.v1.Author();
                        ann.name = "Ann";
                        s.persist(ann);
                    }))
                    .afterChange((d, sf) -> {
                        assertTrue(Corpus.snapshot(d).tables().containsKey("Review_SEQ"), () -> "tables: " + Corpus.snapshot(d).tables().keySet());
                        assertEquals("1", d.query("SELECT count(*) FROM Review_SEQ"), "Review_SEQ holds its one row");
                        Author ann = sf.fromTransaction(s -> s.createQuery("from Author", Author.class).getSingleResult());
                        assertEquals("Ann", ann.name);
                        Review review = new Review();
                        review.stars = 5;
                        review.author = ann;
                        Author bob = new Author();
                        bob.name = "Bob";
                        sf.inTransaction(s -> {
                            s.persist(review);
                            s.persist(bob);
                        });
                        Review read = sf.fromTransaction(s -> s.find(Review.class, review.id));
                        assertEquals(5, read.stars);
                        assertEquals(ann.id, read.author.id);
                        assertEquals(2, d.rowCount("Author"));
                    })
                    .afterUndo((d, sf) -> {
                        assertFalse(Corpus.snapshot(d).tables().containsKey("Review"));
                        assertEquals(2, d.rowCount("Author"));
                    })
                    .run(db);
        }
    }

    @Test
    void renamedPanacheEntityKeepsRowsAndItsSequence() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(Crate.class).to(Box.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        for (String label : new String[] {"apples", "pears"}) {
                            Crate crate = new Crate();
                            crate.label = label;
                            s.persist(crate);
                        }
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals(Set.of("Box", "Box_SEQ"), Corpus.snapshot(d).tables().keySet(), "Crate and its Crate_SEQ renamed");
                        assertEquals(2, d.rowCount("Box"));
                        assertEquals(List.of("apples", "pears"), sf.fromTransaction(s ->
                                s.createQuery("select b.label from Box b order by b.id", String.class).getResultList()));
                        Box box = new Box();
                        box.label = "plums";
                        sf.inTransaction(s -> s.persist(box));
                        assertEquals(3, d.rowCount("Box"), "a new Box takes an id after the existing ones");
                    })
                    .afterUndo((d, sf) -> {
                        assertEquals(3, d.rowCount("Crate"));
                        Crate crate = new Crate();
                        crate.label = "figs";
                        sf.inTransaction(s -> s.persist(crate));
                        assertEquals(4, d.rowCount("Crate"));
                    })
                    .run(db);
        }
    }

    @Test
    void renamedTableOfIdentityEntityKeepsRows() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.renametable.v1.Shelf.class).to(Shelf.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var shelf = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.renametable.v1.Shelf();
                        shelf.room = "study";
                        s.persist(shelf);
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals(Set.of("Bookshelf"), Corpus.snapshot(d).tables().keySet());
                        assertEquals("study", sf.fromTransaction(s -> s.createQuery("from Shelf", Shelf.class).getSingleResult().room));
                        Shelf hall = new Shelf();
                        hall.room = "hall";
                        sf.inTransaction(s -> s.persist(hall));
                        assertNotNull(hall.id);
                        assertEquals(2, d.rowCount("Bookshelf"));
                    })
                    .afterUndo((d, sf) -> assertEquals(2, d.rowCount("Shelf")))
                    .run(db);
        }
    }
}
