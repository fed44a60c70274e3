package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.types.Attachment;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Level;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Reading;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Schedule;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every basic type the corpus maps, each from an empty folder, and the values read back unchanged. */
class ColumnTypesCorpusTest {

    @Test
    void versionLobDecimalBooleanAndEnumColumnsFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Reading.class);
            String notes = "x".repeat(10_000);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Reading.class)) {
                Reading r = new Reading();
                r.notes = notes;
                r.amount = new BigDecimal("1234567.891");
                r.wholeAmount = new BigDecimal("123456789012345678");
                r.active = true;
                r.verified = Boolean.FALSE;
                r.level = Level.HIGH;
                r.priority = Level.MEDIUM;
                r.ratio = 0.125;
                r.weight = 1.5f;
                r.smallCount = 32_000;
                r.tinyCount = 100;
                r.grade = 'A';
                sf.inTransaction(s -> s.persist(r));
                assertEquals(0, r.version);
                sf.inTransaction(s -> {
                    Reading read = s.find(Reading.class, r.id);
                    assertEquals(notes, read.notes);
                    assertEquals(0, new BigDecimal("1234567.891").compareTo(read.amount), () -> "amount " + read.amount);
                    assertEquals(0, new BigDecimal("123456789012345678").compareTo(read.wholeAmount), () -> "wholeAmount " + read.wholeAmount);
                    assertTrue(read.active);
                    assertEquals(Boolean.FALSE, read.verified);
                    assertEquals(Level.HIGH, read.level);
                    assertEquals(Level.MEDIUM, read.priority);
                    assertEquals(0.125, read.ratio);
                    assertEquals(1.5f, read.weight);
                    assertEquals(32_000, read.smallCount);
                    assertEquals(100, read.tinyCount);
                    assertEquals('A', read.grade);
                    read.verified = Boolean.TRUE;
                });
                sf.inTransaction(s -> {
                    Reading read = s.find(Reading.class, r.id);
                    assertEquals(1, read.version, "@Version incremented by the update");
                    assertEquals(Boolean.TRUE, read.verified);
                });
            }
            assertEquals("HIGH", db.query("SELECT level FROM Reading"));
            assertEquals("1", db.query("SELECT priority FROM Reading"));
            assertNotNull(Corpus.failureOf(db, "UPDATE Reading SET level = 'BOGUS'"), "the enum's CHECK refuses an unknown name");
            assertNotNull(Corpus.failureOf(db, "UPDATE Reading SET priority = 7"), "the enum's CHECK refuses an unknown ordinal");
            db.assertNoChanges(Reading.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Reading.class);
        }
    }

    @Test
    void lobBytesFromEmptyFolderPersist() throws Exception {
        byte[] content = new byte[4096];
        Arrays.fill(content, (byte) 0x5a);
        content[0] = 0;
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Attachment.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Attachment.class)) {
                Attachment a = new Attachment();
                a.fileName = "photo.jpg";
                a.content = content;
                sf.inTransaction(s -> s.persist(a));
                assertNotNull(a.id);
            }
            // read with JDBC: Hibernate's own read of a @Lob byte[] calls ResultSet.getBlob, which sqlite-jdbc lacks
            assertArrayEquals(content, Corpus.bytes(db, "SELECT content FROM Attachment WHERE fileName = 'photo.jpg'"));
            db.assertNoChanges(Attachment.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Attachment.class);
        }
    }

    @Test
    void javaTimeColumnsFromEmptyFolderPersist() throws Exception {
        LocalDate day = LocalDate.of(2024, 2, 29);
        LocalDateTime startsAt = LocalDateTime.of(2024, 3, 1, 10, 15, 30, 123_000_000);
        Instant createdAt = Instant.parse("2024-03-01T09:15:30.456Z");
        OffsetDateTime remindAt = OffsetDateTime.parse("2024-03-01T10:15:30+02:00");
        LocalTime alarm = LocalTime.of(7, 30, 15);
        Duration length = Duration.ofMinutes(90).plusSeconds(5);
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Schedule.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Schedule.class)) {
                Schedule sch = new Schedule();
                sch.day = day;
                sch.startsAt = startsAt;
                sch.createdAt = createdAt;
                sch.remindAt = remindAt;
                sch.alarm = alarm;
                sch.length = length;
                Schedule empty = new Schedule();
                sf.inTransaction(s -> {
                    s.persist(sch);
                    s.persist(empty);
                });
                sf.inTransaction(s -> {
                    Schedule read = s.find(Schedule.class, sch.id);
                    assertEquals(day, read.day);
                    assertEquals(startsAt, read.startsAt);
                    assertEquals(createdAt, read.createdAt);
                    assertTrue(remindAt.isEqual(read.remindAt), () -> "remindAt " + read.remindAt);
                    assertEquals(alarm, read.alarm);
                    assertEquals(length, read.length);
                    Schedule none = s.find(Schedule.class, empty.id);
                    assertFalse(none.day != null || none.startsAt != null || none.createdAt != null || none.remindAt != null
                            || none.alarm != null || none.length != null, "nulls stay null");
                });
            }
            db.assertNoChanges(Schedule.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Schedule.class);
        }
    }
}
