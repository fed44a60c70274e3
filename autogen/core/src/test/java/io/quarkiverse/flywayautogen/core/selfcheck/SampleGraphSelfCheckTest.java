package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioDialect;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Category;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Course;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Employee;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Enrollment;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Grade;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Note;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Passport;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Student;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.StudentProfile;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Tag;
import io.quarkiverse.flywayautogen.core.selfcheck.graphs.Team;
import io.quarkiverse.flywayautogen.core.selfcheck.unbuildable.Husband;
import io.quarkiverse.flywayautogen.core.selfcheck.unbuildable.Plain;
import io.quarkiverse.flywayautogen.core.selfcheck.unbuildable.Reversed;
import io.quarkiverse.flywayautogen.core.selfcheck.unbuildable.Wife;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-check's samples as a graph the model's own foreign keys accept, through the engine on SQLite and
 * PostgreSQL: association entities keyed by their two required references ({@code @EmbeddedId} with
 * {@code @MapsId}, {@code @IdClass}), a many-to-many, an optional and a required self-reference, a required
 * one-to-one, a one-to-one sharing its key, and a cycle of an optional and a required reference. What only the samples cannot satisfy is a warning, never a refusal.
 */
class SampleGraphSelfCheckTest {

    static final Class<?>[] GRAPH = {Student.class, Course.class, Tag.class, Enrollment.class, Grade.class, Employee.class,
            Category.class, Passport.class, StudentProfile.class, Team.class};

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void associationEntitiesManyToManyAndSelfReferencesPassTheSelfCheck(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            AutogenResult v1 = h.generate(AutogenOptions.defaults(), GRAPH);
            assertEquals(1, v1.written().size(), v1.warnings()::toString);
            assertEquals(List.of(), notBuilt(v1), "every entity of the graph has a sample");
            h.applyToApp();

            // a new table beside the graph: the check now runs on sample rows in every table of it
            AutogenResult v2 = h.generate(AutogenOptions.defaults(), with(GRAPH, Note.class));
            assertEquals(1, v2.written().size(), v2.warnings()::toString);
            assertEquals(List.of(), notBuilt(v2));
            h.applyToApp();
            h.assertAppMatches(with(GRAPH, Note.class));
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void sampleRowsFillEveryTableOfTheGraphParentsFirst(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            h.generate(AutogenOptions.defaults(), GRAPH);
            h.applyToApp();
            Schema schema = h.readAppSchema();
            try (ScratchDatabase copy = h.app.copy("rows"); Connection c = copy.connect()) {
                List<String> notes = SampleRows.insert(c, schema, on.dialect());
                assertEquals(List.of(), notes, "every sample row was stored");
                schema.tables().stream().filter(t -> !t.name().endsWith("_seq")).forEach(t -> assertEquals(
                        (long) SampleRows.ROWS_PER_TABLE, count(c, "SELECT count(*) FROM " + t.name()), t.name()));
                assertEquals(List.of(), on.dialect().foreignKeyViolations(c));
                assertEquals(1L, count(c, "SELECT count(*) FROM category WHERE parent_id = id"), "the required root is its own parent");
                assertEquals(1L, count(c, "SELECT count(*) FROM employee WHERE manager_id IS NULL"), "the optional root has none");
                assertEquals(3L, count(c, "SELECT count(*) FROM team t JOIN employee e ON e.id = t.lead_id"), "the cycle's required side");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void hibernateStoresOneOfEachWithTheJoinTableAndTheKeysMadeOfReferences(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            h.generate(AutogenOptions.defaults(), GRAPH);
            h.applyToApp();
            List<String> unsampled = new ArrayList<>();
            EntitySet entities = EntitySet.snakeCase(List.of(GRAPH), getClass().getClassLoader());
            List<String> problems = HibernateAgreement.verify(on.dialect(), entities, h.app, unsampled);
            assertEquals(List.of(), problems);
            assertEquals(List.of(), unsampled);
            for (String table : List.of("student", "course", "tag", "enrollment", "grade", "employee", "category", "passport",
                    "student_profile", "course_tag", "team")) {
                assertEquals(1L, h.count("SELECT count(*) FROM " + table), table);
            }
            assertEquals(1L, h.count("SELECT count(*) FROM enrollment e JOIN student s ON s.id = e.student_id"
                    + " JOIN course c ON c.id = e.course_id"), "the key is made of the stored references");
            assertEquals(1L, h.count("SELECT count(*) FROM student_profile p JOIN student s ON s.id = p.student_id"));
            assertEquals(1L, h.count("SELECT count(*) FROM category WHERE parent_id = id"));
            h.assertForeignKeysValid();
        }
    }

    @ParameterizedTest
    @EnumSource(ScenarioDialect.class)
    void samplesThatCannotBeBuiltAreWarningsAndTheRestIsStillChecked(ScenarioDialect on) throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(on)) {
            AutogenResult v1 = h.generate(AutogenOptions.defaults(), Husband.class, Wife.class, Reversed.class, Plain.class);
            assertEquals(1, v1.written().size(), v1.warnings()::toString);
            List<String> notBuilt = notBuilt(v1);
            assertTrue(notBuilt.stream().anyMatch(w -> w.startsWith("self-check could not build a sample for Husband: its required"
                    + " references form a cycle")), notBuilt::toString);
            assertTrue(notBuilt.stream().anyMatch(w -> w.startsWith("self-check could not build a sample for Wife")), notBuilt::toString);
            assertTrue(notBuilt.stream().anyMatch(w -> w.startsWith("self-check could not build a sample for Reversed")), notBuilt::toString);
            assertTrue(notBuilt.stream().noneMatch(w -> w.contains("Plain")), notBuilt::toString);
            h.applyToApp();
            h.assertAppMatches(Husband.class, Wife.class, Reversed.class, Plain.class);
        }
    }

    static List<String> notBuilt(AutogenResult result) {
        return result.warnings().stream().filter(w -> w.kind() == Warning.Kind.SAMPLE_NOT_BUILT).map(Warning::text).toList();
    }

    private static Class<?>[] with(Class<?>[] types, Class<?> more) {
        Class<?>[] all = java.util.Arrays.copyOf(types, types.length + 1);
        all[types.length] = more;
        return all;
    }

    private static long count(Connection c, String sql) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
