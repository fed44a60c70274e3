package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.model.EnumType;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named enum types by name: new ones are created and changed ones altered before any table or column uses them;
 * those no entity uses any more are dropped last, after the columns of their type. Never produced on SQLite.
 */
final class EnumTypeComparator {

    private EnumTypeComparator() {
    }

    static List<Operation> createdOrAltered(Schema current, Schema desired) {
        List<Operation> ops = new ArrayList<>();
        for (EnumType want : desired.enumTypes()) {
            Optional<EnumType> have = current.enumType(want.name());
            if (have.isEmpty()) {
                ops.add(new CreateEnumType(want));
            } else if (!have.get().equals(want)) {
                ops.add(new AlterEnumType(have.get(), want));
            }
        }
        return ops;
    }

    static List<Operation> dropped(Schema current, Schema desired) {
        return current.enumTypes().stream().filter(e -> desired.enumType(e.name()).isEmpty())
                .<Operation>map(DropEnumType::new).toList();
    }
}
