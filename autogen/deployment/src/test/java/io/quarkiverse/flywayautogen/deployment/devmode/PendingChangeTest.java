package io.quarkiverse.flywayautogen.deployment.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;

/** What dev mode shows of a pending change: the remedies are configuration keys and the Dev UI, not CLI flags. */
class PendingChangeTest {

    @Test
    void possibleRenameNamesTheRenamesKeyWithItsSyntax() {
        Column nick = new Column("nick", SqliteTypes.of("varchar(50)"), true, null);
        Column nickname = new Column("nickname", SqliteTypes.of("varchar(50)"), true, null);
        Warning rename = Warning.possibleRename("POSSIBLE RENAME: column pets.nick is dropped and pets.nickname added with"
                + " the same type; if it is a rename, declare @RenamedFrom(\"nick\") on the field", "pets.nick=nickname");
        AutogenResult result = new AutogenResult(List.of(new DropColumn("pets", nick), new AddColumn("pets", nickname)),
                List.of(), List.of(rename), Optional.empty(), Optional.empty(), List.of(), 0, 0);

        PendingChange pending = PendingChange.of(result);

        assertTrue(pending.possibleRename());
        assertEquals(List.of("POSSIBLE RENAME: column pets.nick is dropped and pets.nickname added with the same type; if it"
                + " is a rename, declare @RenamedFrom(\"nick\") on the field or confirm it in the Dev UI, or set"
                + " quarkus.flyway-autogen.renames=pets.nick=nickname"), pending.warnings());
        assertTrue(pending.warnings().stream().noneMatch(w -> w.contains("--")), pending.warnings().toString());
    }
}
