package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.relations.Course;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Student;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Associations from an empty folder. Hibernate's own SQLite DDL has no foreign keys at all (SQLiteDialect cannot
 * ALTER TABLE ADD CONSTRAINT); the migrations should have them, so the database refuses an orphan row.
 */
class RelationsCorpusTest {

    @Test
    void manyToOneAndOneToManyFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Owner.class, Pet.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Owner.class, Pet.class)) {
                Owner ann = new Owner();
                ann.name = "Ann";
                Pet rex = pet("Rex", ann);
                Pet tom = pet("Tom", ann);
                sf.inTransaction(s -> {
                    s.persist(ann);
                    s.persist(rex);
                    s.persist(tom);
                });
                sf.inTransaction(s -> {
                    Owner read = s.find(Owner.class, ann.id);
                    assertEquals("Ann", read.name);
                    assertEquals(Set.of("Rex", "Tom"), read.pets.stream().map(p -> p.name).collect(Collectors.toSet()));
                    assertEquals(ann.id, s.find(Pet.class, rex.id).owner.id);
                });
            }
            assertNotNull(Corpus.failureOf(db, "INSERT INTO Pet (id, name, owner_id) VALUES (999, 'Ghost', 999)"),
                    "foreign key Pet.owner_id -> Owner refuses an unknown owner");
            db.assertNoChanges(Owner.class, Pet.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Owner.class, Pet.class);
        }
    }

    @Test
    void manyToManyJoinTableFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Student.class, Course.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Student.class, Course.class)) {
                Course math = course("Math");
                Course art = course("Art");
                Student bob = new Student();
                bob.name = "Bob";
                bob.courses.add(math);
                bob.courses.add(art);
                sf.inTransaction(s -> {
                    s.persist(math);
                    s.persist(art);
                    s.persist(bob);
                });
                sf.inTransaction(s -> {
                    Student read = s.find(Student.class, bob.id);
                    assertEquals(Set.of("Math", "Art"), read.courses.stream().map(c -> c.title).collect(Collectors.toSet()));
                    assertEquals(Set.of("Bob"), s.find(Course.class, art.id).students.stream().map(x -> x.name).collect(Collectors.toSet()));
                });
            }
            assertEquals(2, db.rowCount("Student_Course"));
            assertNotNull(Corpus.failureOf(db, "INSERT INTO Student_Course (students_id, courses_id) VALUES (998, 999)"),
                    "the join table's foreign keys refuse unknown ids");
            db.assertNoChanges(Student.class, Course.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Student.class, Course.class);
        }
    }

    private static Pet pet(String name, Owner owner) {
        Pet p = new Pet();
        p.name = name;
        p.owner = owner;
        owner.pets.add(p);
        return p;
    }

    private static Course course(String title) {
        Course c = new Course();
        c.title = title;
        return c;
    }
}
