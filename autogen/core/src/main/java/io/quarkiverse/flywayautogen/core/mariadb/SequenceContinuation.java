package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.SequenceTables;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.util.List;
import java.util.Optional;

import static io.quarkiverse.flywayautogen.core.mariadb.MariaDbDdl.q;

/**
 * A new sequence for a table that already holds rows (its key moved from auto_increment or assigned ids to
 * Hibernate's sequence generator) must not hand out ids the rows have: as on PostgreSQL, the sequence named after
 * the entity's table ({@code <table>_SEQ}) restarts so that the first block Hibernate's pooled optimizer takes starts
 * after the highest id. MariaDB's RESTART takes a constant only, and EXECUTE IMMEDIATE no subquery: the value goes
 * through a session variable into the statement EXECUTE IMMEDIATE runs.
 */
final class SequenceContinuation {

    private static final List<String> INTEGER_KEYS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private SequenceContinuation() {
    }

    static List<String> forExistingTable(Schema before, Sequence sequence) {
        Optional<String> entityTable = SequenceTables.entityTableOf(sequence.name());
        if (entityTable.isEmpty()) {
            return List.of();
        }
        Optional<Table> table = before.tables().stream().filter(t -> t.name().equalsIgnoreCase(entityTable.get())).findFirst();
        if (table.isEmpty() || table.get().primaryKey().columns().size() != 1) {
            return List.of();
        }
        String key = table.get().primaryKey().columns().get(0);
        if (!table.get().column(key).map(c -> INTEGER_KEYS.contains(c.type().base())).orElse(false)) {
            return List.of();
        }
        return List.of("SET @autogen_restart = (SELECT greatest(" + sequence.start() + ", coalesce(max(" + q(key) + "), 0) + "
                        + sequence.increment() + ") FROM " + q(table.get().name()) + ")",
                "EXECUTE IMMEDIATE CONCAT('ALTER SEQUENCE " + q(sequence.name()).replace("'", "''") + " RESTART WITH ', @autogen_restart)");
    }
}
