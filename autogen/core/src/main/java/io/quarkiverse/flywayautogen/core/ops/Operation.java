package io.quarkiverse.flywayautogen.core.ops;

/**
 * One schema change. Immutable; knows how to undo itself when it can, and whether it can lose data.
 * {@link #table()} is the table the change applies to, under its name at the time the change runs (for a sequence
 * or enum type operation, the sequence's or type's name).
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
        AlterColumn, AlterPrimaryKey, CreateIndex, DropIndex, AddUnique, DropUnique, AddForeignKey, DropForeignKey,
        AddCheck, DropCheck, CreateSequence, DropSequence, AlterSequence, CreateEnumType, DropEnumType, AlterEnumType {

    String table();

    /** The operation that undoes this one; throws {@link IrreversibleOperation} with the reason when there is none. */
    Operation reverse();

    /** True when applying the operation can lose data (dropping a table or column, narrowing a type). */
    boolean destructive();

    /** One line for script headers and the check report, e.g. {@code add column pet.birth_date (NUMERIC, null)}. */
    String describe();

    /** Calls the visitor's method for this kind of operation. */
    <R> R accept(OperationVisitor<R> visitor);
}
