package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.model.SequenceTables;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.util.List;
import java.util.Optional;

import static io.quarkiverse.flywayautogen.core.postgresql.PostgresDdl.q;

/**
 * A new sequence for a table that already holds rows (its key moved from an identity or assigned ids to Hibernate's
 * sequence generator) must not hand out ids the rows have. Hibernate names an entity's sequence
 * {@code <entity>_seq}; when such a table exists with a single integer key, the sequence is set so that the first
 * block Hibernate's pooled optimizer takes ({@code nextval - increment + 1} up to {@code nextval}) starts after the
 * highest id. Sequences named otherwise ({@code @SequenceGenerator}) are not matched to a table and keep their start.
 */
final class SequenceContinuation {

    private static final List<String> INTEGER_KEYS = List.of("smallint", "integer", "bigint");

    private SequenceContinuation() {
    }

    static Optional<String> forExistingTable(Schema before, Sequence sequence) {
        String name = sequence.name();
        Optional<String> entityTable = SequenceTables.entityTableOf(name);
        if (entityTable.isEmpty()) {
            return Optional.empty();
        }
        String tableName = entityTable.get();
        Optional<Table> table = before.tables().stream().filter(t -> t.name().equalsIgnoreCase(tableName)).findFirst();
        if (table.isEmpty() || table.get().primaryKey().columns().size() != 1) {
            return Optional.empty();
        }
        String key = table.get().primaryKey().columns().get(0);
        boolean integerKey = table.get().column(key).map(c -> INTEGER_KEYS.contains(c.type().base())).orElse(false);
        if (!integerKey) {
            return Optional.empty();
        }
        return Optional.of("SELECT setval('" + q(name).replace("'", "''") + "', greatest(" + sequence.start()
                + ", coalesce(max(" + q(key) + "), 0) + " + sequence.increment() + "), false) FROM " + q(table.get().name()));
    }
}
