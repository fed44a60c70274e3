package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.PrimaryKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.model.UniqueConstraint;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresDialect;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One case per rule, on the dialect whose rule it is; the database is never touched. */
class RolloutAssessmentTest {

    private static final Dialect POSTGRES = new PostgresDialect(null); // the rules never reach the server
    private static final Dialect SQLITE = new SqliteDialect();

    private static Column col(Dialect d, String name, String type, boolean nullable) {
        return new Column(name, d.types().type(type), nullable, null);
    }

    private static Schema pets(Dialect d) {
        Table owner = new Table("owner", List.of(col(d, "id", "bigint", false)), new PrimaryKey("owner_pk", List.of("id")),
                List.of(), List.of(), List.of(), List.of());
        Table pet = new Table("pet", List.of(col(d, "id", "bigint", false), col(d, "name", "varchar(40)", true),
                col(d, "owner_id", "bigint", true)), new PrimaryKey("pet_pk", List.of("id")),
                List.of(), List.of(), List.of(), List.of());
        return Schema.of(List.of(owner, pet));
    }

    private static OperationVerdict only(Dialect d, Operation op) {
        return only(d, op, TableSizes.unknown());
    }

    private static OperationVerdict only(Dialect d, Operation op, TableSizes sizes) {
        List<OperationVerdict> verdicts = RolloutAssessment.assess(d, pets(d), List.of(op), sizes);
        assertEquals(1, verdicts.size());
        return verdicts.get(0);
    }

    private static Set<Rule> rules(OperationVerdict v) {
        EnumSet<Rule> rules = EnumSet.noneOf(Rule.class);
        v.findings().forEach(f -> rules.add(f.rule()));
        return rules;
    }

    @Test
    void nullableColumnIsCompatibleOnBothDialects() {
        for (Dialect d : List.of(POSTGRES, SQLITE)) {
            OperationVerdict v = only(d, new AddColumn("pet", col(d, "weight", "integer", true)));
            assertEquals(EnumSet.of(Verdict.COMPATIBLE), v.verdicts(), d.name());
            assertEquals("[COMPATIBLE]", v.tag());
            assertEquals("add column pet.weight " + v.operation().describe().substring("add column pet.weight ".length())
                    + "   (rollout: compatible)", v.describe());
        }
    }

    @Test
    void notNullColumnWithoutDefaultIsAnExpandContractStep() {
        OperationVerdict v = only(POSTGRES, new AddColumn("pet", col(POSTGRES, "weight", "integer", false)));
        assertEquals(Set.of(Rule.NOT_NULL_WITHOUT_DEFAULT), rules(v));
        assertEquals(EnumSet.of(Verdict.EXPAND_CONTRACT), v.verdicts());
    }

    @Test
    void droppedColumnIsDestructiveAndAnExpandContractStep() {
        OperationVerdict v = only(POSTGRES, new DropColumn("pet", col(POSTGRES, "name", "varchar(40)", true)));
        assertEquals(Set.of(Rule.DROP_MAPPED_COLUMN, Rule.DATA_LOSS), rules(v));
        assertEquals(EnumSet.of(Verdict.EXPAND_CONTRACT, Verdict.DESTRUCTIVE), v.verdicts());
    }

    @Test
    void droppedTableIsDestructiveAndAnExpandContractStep() {
        Table owner = pets(POSTGRES).requireTable("owner");
        assertEquals(Set.of(Rule.DROP_MAPPED_TABLE, Rule.DATA_LOSS), rules(only(POSTGRES, new DropTable(owner))));
    }

    @Test
    void renamesAreExpandContractSteps() {
        assertEquals(Set.of(Rule.RENAME), rules(only(POSTGRES, new RenameColumn("pet", "name", "nickname"))));
        assertEquals(Set.of(Rule.RENAME), rules(only(POSTGRES, new RenameTable("pet", "animal"))));
    }

    @Test
    void narrowingIsExpandContractDataDependentAndDestructive() {
        OperationVerdict v = only(POSTGRES, new AlterColumn("pet", col(POSTGRES, "name", "varchar(40)", true),
                col(POSTGRES, "name", "varchar(10)", true)));
        assertTrue(rules(v).containsAll(Set.of(Rule.NARROWING, Rule.NARROWING_ON_EXISTING_ROWS, Rule.DATA_LOSS,
                Rule.LOCKING_TYPE_REWRITE)), rules(v).toString());
    }

    @Test
    void widenedVarcharIsCompatibleOnPostgres() {
        OperationVerdict v = only(POSTGRES, new AlterColumn("pet", col(POSTGRES, "name", "varchar(40)", true),
                col(POSTGRES, "name", "varchar(80)", true)));
        assertEquals(EnumSet.of(Verdict.COMPATIBLE), v.verdicts(), v.findings().toString());
    }

    @Test
    void typeChangeRewritesOnPostgres() {
        OperationVerdict v = only(POSTGRES, new AlterColumn("pet", col(POSTGRES, "owner_id", "integer", true),
                col(POSTGRES, "owner_id", "bigint", true)));
        assertTrue(rules(v).contains(Rule.LOCKING_TYPE_REWRITE), rules(v).toString());
    }

    @Test
    void notNullTighteningScansOnPostgresAndDependsOnRows() {
        OperationVerdict v = only(POSTGRES, new AlterColumn("pet", col(POSTGRES, "name", "varchar(40)", true),
                col(POSTGRES, "name", "varchar(40)", false)));
        assertEquals(Set.of(Rule.NOT_NULL_TIGHTENING, Rule.NOT_NULL_ON_EXISTING_ROWS, Rule.LOCKING_NOT_NULL_SCAN), rules(v));
        assertEquals(EnumSet.of(Verdict.EXPAND_CONTRACT, Verdict.LOCKING, Verdict.DATA_DEPENDENT), v.verdicts());
    }

    @Test
    void indexOnExistingTableLocksOnPostgresOnly() {
        CreateIndex op = new CreateIndex("pet", new Index("pet_name_idx", List.of("name"), false));
        assertEquals(Set.of(Rule.LOCKING_INDEX_BUILD), rules(only(POSTGRES, op)));
        assertEquals(Set.of(), rules(only(SQLITE, op)), "SQLite creates an index natively, no rebuild");
    }

    @Test
    void uniqueOnExistingRowsLocksAndDependsOnData() {
        OperationVerdict v = only(POSTGRES, new AddUnique("pet", new UniqueConstraint("pet_name_uk", List.of("name"))));
        assertEquals(Set.of(Rule.UNIQUE_ON_EXISTING_ROWS, Rule.LOCKING_INDEX_BUILD), rules(v));
    }

    @Test
    void foreignKeyValidatesOnAddOnPostgres() {
        OperationVerdict v = only(POSTGRES, new AddForeignKey("pet", new ForeignKey("pet_owner_fk", List.of("owner_id"),
                "owner", List.of("id"), null)));
        assertEquals(Set.of(Rule.FOREIGN_KEY_ON_EXISTING_ROWS, Rule.LOCKING_FOREIGN_KEY_VALIDATION), rules(v));
    }

    @Test
    void checkValidatesOnAddOnPostgres() {
        OperationVerdict v = only(POSTGRES, new AddCheck("pet", new CheckConstraint("pet_name_ck", "length(name) > 0")));
        assertEquals(Set.of(Rule.CHECK_ON_EXISTING_ROWS, Rule.LOCKING_CHECK_VALIDATION), rules(v));
    }

    @Test
    void sqliteRebuildCountsTheDevDatabasesRows() {
        AddForeignKey op = new AddForeignKey("pet", new ForeignKey("pet_owner_fk", List.of("owner_id"), "owner",
                List.of("id"), null));
        OperationVerdict v = only(SQLITE, op, TableSizes.of(Map.of("pet", 1234L)));
        RolloutFinding rebuild = v.findings().stream().filter(f -> f.rule() == Rule.LOCKING_TABLE_REBUILD).findFirst().orElseThrow();
        assertTrue(rebuild.reason().contains("copying 1234 rows (dev database)"), rebuild.reason());
        RolloutFinding unknown = only(SQLITE, op).findings().stream()
                .filter(f -> f.rule() == Rule.LOCKING_TABLE_REBUILD).findFirst().orElseThrow();
        assertTrue(unknown.reason().contains("not known"), unknown.reason());
    }

    @Test
    void everythingOnATableOfThisMigrationIsCompatible() {
        Table vet = new Table("vet", List.of(col(POSTGRES, "id", "bigint", false)), new PrimaryKey("vet_pk", List.of("id")),
                List.of(), List.of(), List.of(), List.of());
        List<OperationVerdict> verdicts = RolloutAssessment.assess(POSTGRES, pets(POSTGRES), List.of(new CreateTable(vet),
                new CreateIndex("vet", new Index("vet_idx", List.of("id"), false)),
                new AddColumn("vet", col(POSTGRES, "name", "varchar(20)", false))), TableSizes.unknown());
        verdicts.forEach(v -> assertTrue(v.compatible(), v.describe()));
    }

    @Test
    void headerListsEachOperationsVerdictAndFindings() {
        CreateIndex op = new CreateIndex("pet", new Index("pet_name_idx", List.of("name"), false));
        List<OperationVerdict> verdicts = RolloutAssessment.assess(POSTGRES, pets(POSTGRES), List.of(op), TableSizes.unknown());
        String script = io.quarkiverse.flywayautogen.core.render.ScriptRenderer.render("V2__x.sql (postgresql): x",
                List.of(op), List.of(), verdicts, POSTGRES.planner().plan(pets(POSTGRES), List.of(op)));
        assertTrue(script.contains("-- Rollout (the previous release runs against this schema while it is applied):\n"
                + "--   1. [LOCKING]\n--      locking-index-build: builds pet_name_idx without CONCURRENTLY"), script);
    }

    @Test
    void ruleIdsAreUniqueAndFoundByName() {
        for (Rule rule : Rule.values()) {
            assertEquals(rule, Rule.byId(rule.id()).orElseThrow());
        }
    }
}
