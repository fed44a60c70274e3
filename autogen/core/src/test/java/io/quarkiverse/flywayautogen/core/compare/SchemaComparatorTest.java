package io.quarkiverse.flywayautogen.core.compare;

import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.ops.SchemaChanges;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quarkiverse.flywayautogen.core.TestModels.col;
import static io.quarkiverse.flywayautogen.core.TestModels.fk;
import static io.quarkiverse.flywayautogen.core.TestModels.id;
import static io.quarkiverse.flywayautogen.core.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaComparatorTest {

    static final Schema CURRENT = Schema.of(List.of(
            table("owner", List.of(id(), col("name", "text", false, null)), List.of()),
            table("pet", List.of(id(), col("owner_id", "bigint", true, null), col("weight", "integer", true, null)),
                    List.of(fk("owner_id", "owner", null)))));

    private static List<Class<?>> types(List<Operation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void identicalSchemasGiveNoOperations() {
        assertTrue(new SchemaComparator().compare(CURRENT, CURRENT, RenameHints.none()).isEmpty());
    }

    @Test
    void createsParentsBeforeChildrenAndDropsChildrenBeforeParents() {
        Schema desired = Schema.of(List.of(
                table("a_visit", List.of(id(), col("vet_id", "bigint", true, null)), List.of(fk("vet_id", "vet", null))),
                table("vet", List.of(id()), List.of())));
        Diff diff = new SchemaComparator().compare(CURRENT, desired, RenameHints.none());
        List<String> order = diff.operations().stream().map(op -> op.getClass().getSimpleName() + ":" + op.table()).toList();
        assertEquals(List.of("CreateTable:vet", "CreateTable:a_visit", "DropTable:pet", "DropTable:owner"), order);
    }

    @Test
    void declaredRenamesBecomeRenameOperationsAndResultReachesDesired() {
        Schema desired = Schema.of(List.of(
                table("person", List.of(id(), col("name", "text", false, null)), List.of()),
                table("pet", List.of(id(), col("owner_id", "bigint", true, null), col("weight_kg", "real", true, null)),
                        List.of(fk("owner_id", "person", null)))));
        RenameHints hints = RenameHints.parse("owner=person").merge(RenameHints.parse("pet.weight=weight_kg"));
        Diff diff = new SchemaComparator().compare(CURRENT, desired, hints);
        assertEquals(List.of(RenameTable.class, RenameColumn.class, AlterColumn.class), types(diff.operations()));
        assertEquals(desired, SchemaChanges.apply(CURRENT, diff.operations()));
    }

    @Test
    void unhintedDropPlusAddOfSameTypeIsAWarningNotARename() {
        Schema desired = Schema.of(List.of(CURRENT.requireTable("owner"),
                table("pet", List.of(id(), col("owner_id", "bigint", true, null), col("mass", "integer", true, null)),
                        List.of(fk("owner_id", "owner", null)))));
        Diff diff = new SchemaComparator().compare(CURRENT, desired, RenameHints.none());
        assertEquals(List.of(AddColumn.class, DropColumn.class), types(diff.operations()));
        assertTrue(diff.warnings().get(0).text().startsWith("POSSIBLE RENAME: column pet.weight"));
    }

    @Test
    void resultIsDeterministic() {
        Schema desired = Schema.of(List.of(table("z", List.of(id()), List.of()), table("y", List.of(id()), List.of())));
        assertEquals(new SchemaComparator().compare(CURRENT, desired, RenameHints.none()),
                new SchemaComparator().compare(CURRENT, desired, RenameHints.none()));
        assertTrue(new SchemaComparator().compare(CURRENT, desired, RenameHints.none()).operations().get(0) instanceof CreateTable);
        assertTrue(new SchemaComparator().compare(CURRENT, desired, RenameHints.none()).operations().get(3) instanceof DropTable);
    }
}
