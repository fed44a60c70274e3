package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.dialect.Statement;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import io.quarkiverse.flywayautogen.core.rollout.SafePlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safe form's rewrite rules, statement by statement (the scenarios on PostgreSQL apply them). */
class PostgresSafeFormTest {

    static List<String> sql(List<Statement> statements) {
        return statements.stream().map(Statement::render).toList();
    }

    @Test
    void indexBuildMovesOutOfTheTransactionAsConcurrentWithConfiguredTimeouts() {
        CreateIndex create = new CreateIndex("pet", new Index("ix_pet_name", List.of("name"), false));
        DropIndex drop = new DropIndex("pet", new Index("ix_pet_weight", List.of("weight"), false));
        SafePlan plan = PostgresSafeForm.rewrite(List.of(
                Statement.sql("DROP INDEX \"ix_pet_weight\"", drop),
                Statement.sql(PostgresDdl.createIndex("pet", create.index()), create)),
                new RolloutSettings(true, "2s", "1h"));
        assertEquals(List.of("SET LOCAL lock_timeout = '2s';", "SET LOCAL statement_timeout = '1h';",
                "DROP INDEX \"ix_pet_weight\";"), sql(plan.inTransaction()));
        assertEquals(List.of("SET lock_timeout = '2s';", "SET statement_timeout = '1h';",
                "DROP INDEX CONCURRENTLY IF EXISTS \"ix_pet_name\";",
                "CREATE INDEX CONCURRENTLY \"ix_pet_name\" ON \"pet\" (\"name\");",
                "RESET lock_timeout;", "RESET statement_timeout;"), sql(plan.outsideTransaction()));
    }

    @Test
    void checkIsAddedNotValidAndValidatedOutside() {
        AddCheck add = new AddCheck("pet", new CheckConstraint("ck_w", "weight>=0"));
        SafePlan plan = PostgresSafeForm.rewrite(List.of(Statement.sql(
                "ALTER TABLE \"pet\" ADD " + PostgresDdl.check(add.check()), add)), RolloutSettings.safeDefaults());
        assertTrue(sql(plan.inTransaction()).contains("ALTER TABLE \"pet\" ADD CONSTRAINT \"ck_w\" CHECK (weight>=0) NOT VALID;"));
        assertTrue(sql(plan.outsideTransaction()).contains("ALTER TABLE \"pet\" VALIDATE CONSTRAINT \"ck_w\";"));
    }

    @Test
    void statementsItDoesNotKnowStayAsPlannedInTheTransaction() {
        SafePlan plan = PostgresSafeForm.rewrite(List.of(Statement.sql("CREATE TABLE \"t\" (\"id\" integer)", null)),
                RolloutSettings.safeDefaults());
        assertEquals(3, plan.inTransaction().size());
        assertTrue(plan.outsideTransaction().isEmpty());
    }

    @Test
    void notNullCheckNameStaysWithinPostgresLimit() {
        assertEquals(63, PostgresSafeForm.notNullCheckName("t".repeat(40), "c".repeat(40)).length());
    }

    @Test
    void timeoutsMustBePostgresDurations() {
        assertThrows(IllegalArgumentException.class, () -> new RolloutSettings(true, "5 seconds", "15min"));
        assertEquals(true, RolloutSettings.parseMode("SAFE"));
        assertThrows(IllegalArgumentException.class, () -> RolloutSettings.parseMode("careful"));
    }
}
