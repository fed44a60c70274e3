package io.quarkiverse.flywayautogen.core.ops;

/**
 * One method per kind of {@link Operation}. Planners, rules and the model's own {@link SchemaChanges} handle
 * operations through it, so a new kind of operation does not compile until every one of them handles it.
 */
public interface OperationVisitor<R> {

    R createTable(CreateTable op);

    R dropTable(DropTable op);

    R renameTable(RenameTable op);

    R addColumn(AddColumn op);

    R dropColumn(DropColumn op);

    R renameColumn(RenameColumn op);

    R alterColumn(AlterColumn op);

    R alterPrimaryKey(AlterPrimaryKey op);

    R createIndex(CreateIndex op);

    R dropIndex(DropIndex op);

    R addUnique(AddUnique op);

    R dropUnique(DropUnique op);

    R addForeignKey(AddForeignKey op);

    R dropForeignKey(DropForeignKey op);

    R addCheck(AddCheck op);

    R dropCheck(DropCheck op);

    R createSequence(CreateSequence op);

    R dropSequence(DropSequence op);

    R alterSequence(AlterSequence op);

    R createEnumType(CreateEnumType op);

    R dropEnumType(DropEnumType op);

    R alterEnumType(AlterEnumType op);
}
