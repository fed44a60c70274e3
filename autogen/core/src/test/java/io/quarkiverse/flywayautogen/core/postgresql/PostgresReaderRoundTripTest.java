package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.corpus.HibernateDdl;
import io.quarkiverse.flywayautogen.core.compare.SchemaComparator;
import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Book;
import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Country;
import io.quarkiverse.flywayautogen.core.corpus.model.embedded.Customer;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Counter;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Fruit;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Ticket;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Course;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Student;
import io.quarkiverse.flywayautogen.core.corpus.model.snake.StockItem;
import io.quarkiverse.flywayautogen.core.corpus.model.snake.Warehouse;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Attachment;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Reading;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Schedule;
import io.quarkiverse.flywayautogen.core.desired.EntityBootstrap;
import io.quarkiverse.flywayautogen.core.desired.HibernateSchemaReader;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.IdentifierCase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate's own PostgreSQL DDL, run on a real server and read back through pg_catalog, must equal the model the
 * desired side builds from the same entities: no phantom differences from PostgreSQL's spelling of types,
 * defaults, checks or names.
 */
class PostgresReaderRoundTripTest {

    @Test
    void relationsReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(Owner.class, Pet.class, Course.class, Student.class);
    }

    @Test
    void constraintsReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(Book.class, Country.class);
    }

    @Test
    void columnTypesReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(Attachment.class, Reading.class, Schedule.class);
    }

    @Test
    void snakeCaseNamesAndEmbeddablesReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(StockItem.class, Warehouse.class, Customer.class);
    }

    @Test
    void namedEnumsJsonbUuidArraysAndZonedTimesReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(io.quarkiverse.flywayautogen.core.corpus.model.pgtypes.Profile.class);
        assertEquals(List.of(new io.quarkiverse.flywayautogen.core.model.EnumType("mood", List.of("GRUMPY", "HAPPY", "SLEEPY"))),
                desired(io.quarkiverse.flywayautogen.core.corpus.model.pgtypes.Profile.class).enumTypes(), "as Hibernate declares it");
    }

    @Test
    void compoundChecksReadBackWithoutDifferences() throws Exception {
        assertRoundTrip(io.quarkiverse.flywayautogen.core.corpus.model.checks.Measure.class);
    }

    @Test
    void identityKeyReadsBackWithoutDifferences() throws Exception {
        assertRoundTrip(Counter.class);
    }

    @Test
    void sequencesReadBackWithTheirStartAndIncrement() throws Exception {
        assertRoundTrip(Fruit.class, Ticket.class);
        Schema desired = desired(Fruit.class, Ticket.class);
        assertEquals(List.of(new Sequence("fruit_seq", 1, 50), new Sequence("ticket_numbers", 1000, 10)), desired.sequences());
    }

    static void assertRoundTrip(Class<?>... entities) throws Exception {
        PostgresDialect dialect = PostgresTestServer.dialect();
        List<String> ddl = HibernateDdl.script(org.hibernate.dialect.PostgreSQLDialect.class.getName(),
                org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy.class.getName(), entities);
        try (PostgresShadowDatabase db = PostgresShadowDatabase.create(dialect.server(), "roundtrip")) {
            Schema read;
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (String sql : ddl) {
                    st.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
                read = dialect.reader().read(c);
            }
            Schema desired = desired(entities);
            List<Operation> phantoms = withoutConventionRenames(new SchemaComparator().compare(read, desired, RenameHints.none()).operations());
            assertTrue(phantoms.isEmpty(), () -> "phantom differences " + phantoms + "\nHibernate's DDL:\n"
                    + String.join("\n", ddl) + "\nread: " + read + "\ndesired: " + desired);
        }
    }

    /**
     * The engine names the indexes Hibernate would name by hash ({@code IDXhvc8...}) by its convention instead, on
     * every database: that drop and create of the same columns is by design, not a reading difference.
     */
    private static List<Operation> withoutConventionRenames(List<Operation> operations) {
        return operations.stream().filter(op -> !(op instanceof DropIndex drop && hashed(drop.index().name())
                && operations.stream().anyMatch(o -> o instanceof CreateIndex create && create.table().equals(drop.table())
                        && create.index().columns().equals(drop.index().columns())))
                && !(op instanceof CreateIndex create && operations.stream().anyMatch(o -> o instanceof DropIndex drop
                        && drop.table().equals(create.table()) && hashed(drop.index().name())
                        && drop.index().columns().equals(create.index().columns())))).toList();
    }

    /** Hibernate's hashed name ({@code IDXhvc8...}), as PostgreSQL folds it when Hibernate's DDL leaves it unquoted. */
    private static boolean hashed(String indexName) {
        return indexName.matches("(?i)idx[0-9a-z]{8,}");
    }

    static Schema desired(Class<?>... entities) {
        return new HibernateSchemaReader(NamingConvention.ALEMBIC_DEFAULT, PostgresTypes.RULES, IdentifierCase.LOWER)
                .read(EntityBootstrap.metadata(List.of(entities), PostgresReaderRoundTripTest.class.getClassLoader(),
                        CamelCaseToUnderscoresNamingStrategy.class.getName(), PostgreSQLDialect.class.getName()));
    }
}
