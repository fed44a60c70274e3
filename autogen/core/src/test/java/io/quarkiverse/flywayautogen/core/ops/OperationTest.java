package io.quarkiverse.flywayautogen.core.ops;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quarkiverse.flywayautogen.core.TestModels.col;
import static io.quarkiverse.flywayautogen.core.TestModels.fk;
import static io.quarkiverse.flywayautogen.core.TestModels.id;
import static io.quarkiverse.flywayautogen.core.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationTest {

    static final Schema BASE = Schema.of(List.of(
            table("owner", List.of(id(), col("name", "text", false, null)), List.of()),
            table("pet", List.of(id(), col("owner_id", "bigint", true, null), col("weight", "integer", true, null)),
                    List.of(fk("owner_id", "owner", "CASCADE")))));

    static List<Operation> everyKind() {
        return List.of(
                new CreateTable(table("tag", List.of(id()), List.of())),
                new AddColumn("pet", col("nick", "text", true, null)),
                new RenameColumn("pet", "weight", "weight_kg"),
                new AlterColumn("pet", col("weight_kg", "integer", true, null), col("weight_kg", "real", false, "0")),
                new AlterPrimaryKey("tag", new PrimaryKey(null, List.of("id")), new PrimaryKey(null, List.of("id"))),
                new CreateIndex("pet", new Index("ix_pet_nick", List.of("nick"), false)),
                new AddUnique("pet", new UniqueConstraint("uq", List.of("nick"))),
                new AddCheck("pet", new CheckConstraint("ck", "weight_kg>=0")),
                new DropForeignKey("pet", fk("owner_id", "owner", "CASCADE")),
                new AddForeignKey("pet", fk("owner_id", "owner", "SET NULL")),
                new RenameTable("owner", "person"));
    }

    @Test
    void everyOperationFollowedByItsReverseRestoresTheSchema() {
        List<Operation> ops = everyKind();
        Schema after = SchemaChanges.apply(BASE, ops);
        List<Operation> undo = new java.util.ArrayList<>(ops.stream().map(Operation::reverse).toList());
        java.util.Collections.reverse(undo);
        assertEquals(BASE, SchemaChanges.apply(after, undo));
    }

    @Test
    void destructiveFlagsAndIrreversibleDrop() {
        assertTrue(new DropTable(table("x", List.of(id()), List.of())).destructive());
        assertTrue(new DropColumn("pet", col("weight", "integer", true, null)).destructive());
        assertTrue(new AlterColumn("pet", col("w", "text", true, null), col("w", "integer", true, null)).destructive());
        assertFalse(new AlterColumn("pet", col("w", "integer", true, null), col("w", "text", true, null)).destructive());
        assertFalse(new AddColumn("pet", col("w", "integer", true, null)).destructive());
        IrreversibleOperation e = assertThrows(IrreversibleOperation.class,
                () -> new DropColumn("pet", col("name", "text", false, null)).reverse());
        assertTrue(e.getMessage().contains("NOT NULL without a default"));
    }

    @Test
    void renameTableRepointsForeignKeysOfOtherTables() {
        Schema s = SchemaChanges.apply(BASE, new RenameTable("owner", "person"));
        assertEquals("person", s.requireTable("pet").foreignKeys().get(0).referencedTable());
    }
}
