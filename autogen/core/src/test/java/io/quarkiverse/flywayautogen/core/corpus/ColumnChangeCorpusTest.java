package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.evolve.decimal.v2.Price;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.length.v2.Label;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.lob.v2.Note;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.notnull.v2.Member;
import io.quarkiverse.flywayautogen.core.corpus.model.evolve.widen.v2.Tally;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column's declaration changes while its table holds rows (see {@link ChangeScenario}). Hibernate's validation
 * checks JDBC type codes, not lengths or precision, so the declared type in the file is asserted directly: it is
 * what the next reader of the schema (and the next generation) sees.
 */
class ColumnChangeCorpusTest {

    @Test
    void columnLengthWidenedFrom40To100KeepsRowsAndUndoes() throws Exception {
        String forty = "0123456789".repeat(4);
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.length.v1.Label.class).to(Label.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var label = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.length.v1.Label();
                        label.text = forty;
                        s.persist(label);
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals("varchar(100)", lower(Corpus.declaredType(d, "Label", "text")));
                        assertEquals(1, d.rowCount("Label"));
                        assertEquals(forty, sf.fromTransaction(s -> s.createQuery("from Label", Label.class).getSingleResult().text));
                        Label longer = new Label();
                        longer.text = forty.repeat(2) + "x".repeat(20);
                        sf.inTransaction(s -> s.persist(longer));
                        assertEquals(2, d.rowCount("Label"));
                    })
                    .afterUndo((d, sf) -> assertEquals("varchar(40)", lower(Corpus.declaredType(d, "Label", "text"))))
                    .run(db);
        }
    }

    @Test
    void integerFieldBecomesLongKeepsRowsAndUndoes() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.widen.v1.Tally.class).to(Tally.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var tally = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.widen.v1.Tally();
                        tally.name = "small";
                        tally.amount = 123;
                        s.persist(tally);
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals("bigint", lower(Corpus.declaredType(d, "Tally", "amount")));
                        Long small = sf.fromTransaction(s -> s.createQuery("from Tally where name = 'small'", Tally.class).getSingleResult().amount);
                        assertEquals(123L, small);
                        Tally big = new Tally();
                        big.name = "big";
                        big.amount = 5_000_000_000L;
                        sf.inTransaction(s -> s.persist(big));
                        Long read = sf.fromTransaction(s -> s.find(Tally.class, big.id).amount);
                        assertEquals(5_000_000_000L, read);
                    })
                    .afterUndo((d, sf) -> {
                        assertEquals("integer", lower(Corpus.declaredType(d, "Tally", "amount")));
                        assertEquals("123", d.query("SELECT amount FROM Tally WHERE name = 'small'"));
                    })
                    .run(db);
        }
    }

    @Test
    void stringBecomesLobAndLongVarcharKeepsRowsAndUndoes() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.lob.v1.Note.class).to(Note.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var note = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.lob.v1.Note();
                        note.body = "short body";
                        note.summary = "short summary";
                        s.persist(note);
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals("clob", lower(Corpus.declaredType(d, "Note", "body")));
                        assertEquals("varchar(100000)", lower(Corpus.declaredType(d, "Note", "summary")));
                        Note old = sf.fromTransaction(s -> s.createQuery("from Note", Note.class).getSingleResult());
                        assertEquals("short body", old.body);
                        assertEquals("short summary", old.summary);
                        Note big = new Note();
                        big.body = "b".repeat(50_000);
                        big.summary = "s".repeat(90_000);
                        sf.inTransaction(s -> s.persist(big));
                        Note read = sf.fromTransaction(s -> s.find(Note.class, big.id));
                        assertEquals(50_000, read.body.length());
                        assertEquals(90_000, read.summary.length());
                    })
                    .afterUndo((d, sf) -> {
                        assertEquals("varchar(255)", lower(Corpus.declaredType(d, "Note", "body")));
                        assertEquals("short body", d.query("SELECT body FROM Note WHERE summary = 'short summary'"));
                    })
                    .run(db);
        }
    }

    @Test
    void decimalPrecisionAndScaleChangeKeepsRowsAndUndoes() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.decimal.v1.Price.class).to(Price.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        var price = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.decimal.v1.Price();
                        price.item = "tea";
                        price.amount = new BigDecimal("12345.67");
                        s.persist(price);
                    }))
                    .afterChange((d, sf) -> {
                        assertEquals("numeric(14,4)", lower(Corpus.declaredType(d, "Price", "amount")).replace(" ", ""));
                        BigDecimal tea = sf.fromTransaction(s -> s.createQuery("from Price where item = 'tea'", Price.class).getSingleResult().amount);
                        assertEquals(0, new BigDecimal("12345.67").compareTo(tea), () -> "tea " + tea);
                        Price fine = new Price();
                        fine.item = "saffron";
                        fine.amount = new BigDecimal("99.1234");
                        sf.inTransaction(s -> s.persist(fine));
                        BigDecimal read = sf.fromTransaction(s -> s.find(Price.class, fine.id).amount);
                        assertEquals(0, new BigDecimal("99.1234").compareTo(read), () -> "saffron " + read);
                    })
                    .afterUndo((d, sf) -> assertEquals("numeric(10,2)", lower(Corpus.declaredType(d, "Price", "amount")).replace(" ", "")))
                    .run(db);
        }
    }

    @Test
    void nullableColumnTightenedToNotNullWithoutDefaultOnRowsWithoutNulls() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            ChangeScenario.from(io.quarkiverse.flywayautogen.core.corpus.model.evolve.notnull.v1.Member.class).to(Member.class)
                    .rowsBefore((d, sf) -> sf.inTransaction(s -> {
                        for (String nick : new String[] {"annie", "bobby"}) {
                            var member = new io.quarkiverse.flywayautogen.core.corpus.model.evolve.notnull.v1.Member();
                            member.email = nick + "@example.com";
                            member.nickname = nick;
                            s.persist(member);
                        }
                    }))
                    .afterChange((d, sf) -> {
                        assertTrue(notNull(d, "Member", "nickname"), "Member.nickname is NOT NULL now");
                        assertEquals(2, d.rowCount("Member"));
                        assertEquals("bobby", sf.fromTransaction(s -> s.createQuery("from Member where email = 'bobby@example.com'",
                                Member.class).getSingleResult().nickname));
                        assertNotNull(Corpus.failureOf(d, "INSERT INTO Member (id, email) VALUES (999, 'nobody@example.com')"),
                                "a row without nickname is refused");
                        Member carl = new Member();
                        carl.email = "carl@example.com";
                        carl.nickname = "carl";
                        sf.inTransaction(s -> s.persist(carl));
                    })
                    .afterUndo((d, sf) -> {
                        assertTrue(!notNull(d, "Member", "nickname"), "Member.nickname is nullable again");
                        assertEquals(3, d.rowCount("Member"));
                    })
                    .run(db);
        }
    }

    private static boolean notNull(ScenarioHarness db, String table, String column) {
        return Corpus.snapshot(db).tables().get(table).columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + table + "." + column)).notNull();
    }

    private static String lower(String type) {
        assertNotNull(type, "column not found");
        return type.toLowerCase(Locale.ROOT);
    }
}
