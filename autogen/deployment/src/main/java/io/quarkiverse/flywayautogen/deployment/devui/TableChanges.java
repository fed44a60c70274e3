package io.quarkiverse.flywayautogen.deployment.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.ops.AddCheck;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AddForeignKey;
import io.quarkiverse.flywayautogen.core.ops.AddUnique;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.AlterPrimaryKey;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateTable;
import io.quarkiverse.flywayautogen.core.ops.DropCheck;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
import io.quarkiverse.flywayautogen.core.ops.DropForeignKey;
import io.quarkiverse.flywayautogen.core.ops.DropIndex;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.DropTable;
import io.quarkiverse.flywayautogen.core.ops.DropUnique;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.OperationVisitor;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import io.quarkiverse.flywayautogen.core.rollout.OperationVerdict;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Verdict;

/**
 * The pending operations as the Dev UI card draws them: per table, what is added, dropped, changed or renamed, each
 * marked by what writing it takes. Computed here rather than in the browser so that the card never parses the
 * operations' wording.
 */
public final class TableChanges {

    /** What writing a change takes; the card shows the label. */
    enum Risk {
        SAFE("safe"),
        /** Can lose data: written only after "confirm destructive change" (or allow-destructive). */
        DESTRUCTIVE("destructive"),
        /** Half of a possible rename: the engine cannot tell a rename from a drop and an add. */
        NEEDS_CONFIRMATION("needs confirmation");

        final String label;

        Risk(String label) {
            this.label = label;
        }
    }

    /**
     * One operation: {@code change} added / dropped / changed / renamed, {@code object} column, index, ...;
     * {@code destructive} whether it can lose data, whatever it waits for.
     */
    record Change(String change, String object, String name, String description, Risk risk, boolean destructive) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("change", change);
            json.put("object", object);
            json.put("name", name);
            json.put("description", description);
            json.put("risk", risk.label);
            json.put("destructive", destructive);
            return json;
        }
    }

    private TableChanges() {
    }

    /** Per table (or sequence, enum type), in the order the operations come: {@code [{table, changes: [...]}]}. */
    public static List<Map<String, Object>> of(List<Operation> operations, List<Warning> warnings) {
        return of(operations, warnings, List.of());
    }

    /**
     * With each change's rollout verdicts ({@code verdicts: ["locking", ...]}) and findings ({@code findings:
     * ["locking-index-build: ..."]}) when {@code verdicts} has one per operation.
     */
    public static List<Map<String, Object>> of(List<Operation> operations, List<Warning> warnings,
            List<OperationVerdict> verdicts) {
        RenameHints possibleRenames = possibleRenames(warnings);
        Map<String, List<Map<String, Object>>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            Map<String, Object> json = op.accept(new Classifier(op, possibleRenames)).toJson();
            if (verdicts.size() == operations.size()) {
                json.put("verdicts", verdicts.get(i).verdicts().stream().map(Verdict::label).toList());
                json.put("findings", verdicts.get(i).findings().stream().map(RolloutFinding::describe).toList());
            }
            byTable.computeIfAbsent(op.table(), t -> new ArrayList<>()).add(json);
        }
        List<Map<String, Object>> tables = new ArrayList<>();
        byTable.forEach((table, changes) -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("table", table);
            json.put("changes", changes);
            tables.add(json);
        });
        return tables;
    }

    /** The renames the engine suspects, in the syntax the card's rename field takes, comma-separated. */
    public static String suggestedRename(List<Warning> warnings) {
        return String.join(", ", warnings.stream().filter(w -> w.kind() == Warning.Kind.POSSIBLE_RENAME)
                .flatMap(w -> w.rename().stream()).toList());
    }

    private static RenameHints possibleRenames(List<Warning> warnings) {
        RenameHints hints = RenameHints.none();
        for (Warning w : warnings) {
            if (w.kind() == Warning.Kind.POSSIBLE_RENAME && w.rename().isPresent()) {
                hints = hints.merge(RenameHints.parse(w.rename().get()));
            }
        }
        return hints;
    }

    /** Names the change; the compiler makes a new kind of operation show up here. */
    private record Classifier(Operation op, RenameHints possibleRenames) implements OperationVisitor<Change> {

        private Change change(String change, String object, String name) {
            return change(change, object, name, false);
        }

        private Change change(String change, String object, String name, boolean partOfPossibleRename) {
            // a possible rename's drop is destructive too, but what it waits for is the answer "rename or not"
            Risk risk = partOfPossibleRename ? Risk.NEEDS_CONFIRMATION
                    : op.destructive() ? Risk.DESTRUCTIVE : Risk.SAFE;
            return new Change(change, object, Objects.toString(name, ""), op.describe(), risk, op.destructive());
        }

        public Change createTable(CreateTable o) {
            String name = o.definition().name();
            return change("added", "table", name, possibleRenames.tables().containsValue(name));
        }

        public Change dropTable(DropTable o) {
            String name = o.definition().name();
            return change("dropped", "table", name, possibleRenames.tables().containsKey(name));
        }

        public Change renameTable(RenameTable o) {
            return change("renamed", "table", o.from() + " -> " + o.to());
        }

        public Change addColumn(AddColumn o) {
            String name = o.column().name();
            return change("added", "column", name, possibleRenames.columnsOf(o.table()).containsValue(name));
        }

        public Change dropColumn(DropColumn o) {
            String name = o.column().name();
            return change("dropped", "column", name, possibleRenames.columnsOf(o.table()).containsKey(name));
        }

        public Change renameColumn(RenameColumn o) {
            return change("renamed", "column", o.from() + " -> " + o.to());
        }

        public Change alterColumn(AlterColumn o) {
            return change("changed", "column", o.to().name());
        }

        public Change alterPrimaryKey(AlterPrimaryKey o) {
            return change("changed", "primary key", String.join(", ", o.to().columns()));
        }

        public Change createIndex(CreateIndex o) {
            return change("added", "index", o.index().name());
        }

        public Change dropIndex(DropIndex o) {
            return change("dropped", "index", o.index().name());
        }

        public Change addUnique(AddUnique o) {
            return change("added", "unique constraint", o.unique().name());
        }

        public Change dropUnique(DropUnique o) {
            return change("dropped", "unique constraint", o.unique().name());
        }

        public Change addForeignKey(AddForeignKey o) {
            return change("added", "foreign key", o.foreignKey().name());
        }

        public Change dropForeignKey(DropForeignKey o) {
            return change("dropped", "foreign key", o.foreignKey().name());
        }

        public Change addCheck(AddCheck o) {
            return change("added", "check", o.check().name());
        }

        public Change dropCheck(DropCheck o) {
            return change("dropped", "check", o.check().name());
        }

        public Change createSequence(CreateSequence o) {
            return change("added", "sequence", o.sequence().name());
        }

        public Change dropSequence(DropSequence o) {
            return change("dropped", "sequence", o.sequence().name());
        }

        public Change alterSequence(AlterSequence o) {
            return change("changed", "sequence", o.to().name());
        }

        public Change createEnumType(CreateEnumType o) {
            return change("added", "enum type", o.type().name());
        }

        public Change dropEnumType(DropEnumType o) {
            return change("dropped", "enum type", o.type().name());
        }

        public Change alterEnumType(AlterEnumType o) {
            return change("changed", "enum type", o.to().name());
        }
    }
}
