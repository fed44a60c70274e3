package io.quarkiverse.flywayautogen.deployment.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateIndex;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;

/** The per-table view the Dev UI card draws: which change is safe, destructive, or waits for a rename's answer. */
class TableChangesTest {

    private static Column column(String name, String type) {
        return new Column(name, SqliteTypes.of(type), true, null);
    }

    @Test
    void possibleRenameWaitsForAnAnswerWhileOtherChangesAreMarkedByTheirRisk() {
        Warning rename = Warning.possibleRename("POSSIBLE RENAME: column pets.nick ...", "pets.nick=nickname");
        List<Map<String, Object>> tables = TableChanges.of(List.of(
                new DropColumn("pets", column("nick", "varchar(50)")),
                new AddColumn("pets", column("nickname", "varchar(50)")),
                new AlterColumn("pets", column("name", "varchar(100)"), column("name", "varchar(20)")),
                new AddColumn("owners", column("email", "varchar(200)")),
                new CreateIndex("owners", new Index("ix_owners_email", List.of("email"), false))), List.of(rename));

        assertEquals(List.of("pets", "owners"), tables.stream().map(t -> t.get("table")).toList());
        assertEquals(List.of(
                "dropped column nick: needs confirmation, destructive",
                "added column nickname: needs confirmation",
                "changed column name: destructive, destructive"), lines(tables.get(0)));
        assertEquals(List.of("added column email: safe", "added index ix_owners_email: safe"), lines(tables.get(1)));
        @SuppressWarnings("unchecked")
        Map<String, Object> alter = ((List<Map<String, Object>>) tables.get(0).get("changes")).get(2);
        assertEquals("alter column pets.name: varchar(100) null -> varchar(20) null", alter.get("description"));
    }

    @Test
    void suggestsEveryPossibleRenameInTheRenameFieldsSyntax() {
        List<Warning> warnings = List.of(
                Warning.possibleRename("POSSIBLE RENAME: table pet ...", "pet=pets"),
                new Warning(Warning.Kind.FAILS_ON_EXISTING_NULLS, "column pets.name made NOT NULL ..."),
                Warning.possibleRename("POSSIBLE RENAME: column pets.nick ...", "pets.nick=nickname"));

        assertEquals("pet=pets, pets.nick=nickname", TableChanges.suggestedRename(warnings));
        assertEquals("", TableChanges.suggestedRename(List.of()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(Map<String, Object> table) {
        return ((List<Map<String, Object>>) table.get("changes")).stream()
                .map(c -> c.get("change") + " " + c.get("object") + " " + c.get("name") + ": " + c.get("risk")
                        + (Boolean.TRUE.equals(c.get("destructive")) ? ", destructive" : ""))
                .toList();
    }
}
