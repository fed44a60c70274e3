package io.quarkiverse.flywayautogen.core.scenarios;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.scenarios.failing.after.Pet;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild that fails half-way on real data (a new UNIQUE constraint meets duplicates the sample rows did not have)
 * must leave schema and data exactly as before: the whole script runs in Flyway's single transaction.
 */
class FailingMigrationScenarioTest {

    @Test
    void failedRebuildLeavesSchemaAndDataExactlyAsBefore() throws Exception {
        try (ScenarioHarness h = new ScenarioHarness(SingleTableScenariosTest.BEFORE,
                "CREATE TABLE visit (id INTEGER PRIMARY KEY, pet_id INTEGER REFERENCES pet (id) ON DELETE CASCADE);")) {
            h.rows("INSERT INTO pet (id, name, species, weight) VALUES (1, 'Rex', 'DOG', 30), (2, 'Rex', 'CAT', 4)",
                    "INSERT INTO visit (pet_id) VALUES (1), (2)");
            String schemaSql = dump(h, "SELECT type || ':' || name || ':' || coalesce(sql, '') FROM sqlite_master ORDER BY name");
            String rows = dump(h, "SELECT id || name || species || coalesce(weight, '') FROM pet ORDER BY id")
                    + dump(h, "SELECT id || ':' || pet_id FROM visit ORDER BY id");

            AutogenResult result = h.generate(Pet.class, VisitEntity.class);
            assertTrue(result.operations().stream().anyMatch(op -> op instanceof AddUnique));
            assertThrows(FlywayException.class, h::applyToApp);

            assertEquals(schemaSql, dump(h, "SELECT type || ':' || name || ':' || coalesce(sql, '') FROM sqlite_master ORDER BY name"));
            assertEquals(rows, dump(h, "SELECT id || name || species || coalesce(weight, '') FROM pet ORDER BY id")
                    + dump(h, "SELECT id || ':' || pet_id FROM visit ORDER BY id"));
            assertEquals(0, h.count("SELECT count(*) FROM flyway_schema_history WHERE version = '3' AND success = 1"));
            h.assertForeignKeysValid();
        }
    }

    private static String dump(ScenarioHarness h, String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = h.app.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** The visit table as an entity, so the diff concerns only pet. */
    @jakarta.persistence.Entity(name = "Visit")
    @jakarta.persistence.Table(name = "visit")
    public static class VisitEntity {
        @jakarta.persistence.Id
        @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
        @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
        public Long id;

        @jakarta.persistence.ManyToOne
        @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
        public Pet pet;
    }
}
