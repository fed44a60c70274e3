package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sequences by name: new ones are created (before the tables that draw from them are used), changed ones altered,
 * and those no entity uses dropped after the tables. Never produced on SQLite, which has none.
 */
final class SequenceComparator {

    private SequenceComparator() {
    }

    static List<Operation> createdOrAltered(Schema current, Schema desired) {
        List<Operation> ops = new ArrayList<>();
        for (Sequence want : desired.sequences()) {
            Optional<Sequence> have = current.sequence(want.name());
            if (have.isEmpty()) {
                ops.add(new CreateSequence(want));
            } else if (!have.get().equals(want)) {
                ops.add(new AlterSequence(have.get(), want));
            }
        }
        return ops;
    }

    static List<Operation> dropped(Schema current, Schema desired) {
        return current.sequences().stream().filter(q -> desired.sequence(q.name()).isEmpty())
                .<Operation>map(DropSequence::new).toList();
    }
}
