package io.quarkiverse.flywayautogen.deployment.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;

/** What the card reads of dev mode's state, and what the log says once: one outcome at a time. */
class DevModeStateTest {

    private static PendingChange dropNick() {
        Column nick = new Column("nick", SqliteTypes.of("varchar(50)"), true, null);
        return PendingChange.of(new AutogenResult(List.of(new DropColumn("pets", nick)), List.of(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), 0, 0));
    }

    @Test
    void aDestructiveChangeWaitsWithItsReasonAsTheCardsText() {
        DevModeState state = new DevModeState();
        PendingChange drop = dropNick();
        Optional<ConfirmationReason> reason = drop.confirmationNeeded(false);

        state.compared(new DevModeState.Comparison(drop, reason, ""));

        assertEquals(Optional.of(ConfirmationReason.DESTRUCTIVE), reason);
        assertTrue(drop.confirmationNeeded(true).isEmpty(), "allow-destructive writes it without asking");
        assertTrue(state.waitsForUser());
        Map<String, Object> json = state.toJson();
        assertEquals(false, json.get("inSync"));
        assertEquals("destructive change", json.get("confirmationNeeded"));
        assertEquals("", json.get("error"));
        assertEquals(drop.operations(), json.get("operations"));
        assertTrue(drop.operations().get(0).startsWith("[DESTRUCTIVE] "), drop.operations().toString());
    }

    @Test
    void aFailedComparisonReplacesTheWaitingChangeWhole() {
        DevModeState state = new DevModeState();
        state.compared(new DevModeState.Comparison(dropNick(), Optional.of(ConfirmationReason.MANUAL_MODE), ""));

        state.compared(DevModeState.Comparison.failed("cannot replay V2"));

        Map<String, Object> json = state.toJson();
        assertEquals("", json.get("confirmationNeeded"));
        assertEquals(List.of(), json.get("operations"));
        assertEquals("cannot replay V2", json.get("error"));
        assertEquals(false, json.get("inSync"));
        assertTrue(state.waitsForUser());
    }

    @Test
    void theSamePendingChangeIsLoggedOnceUntilTheFolderIsInSyncAgain() {
        DevModeState state = new DevModeState();
        PendingChange drop = dropNick();

        assertTrue(state.firstReport(drop.summary()));
        assertFalse(state.firstReport(drop.summary()));
        state.compared(DevModeState.Comparison.IN_SYNC);
        assertTrue(state.firstReport(drop.summary()));
        assertEquals(true, state.toJson().get("inSync"));
    }

    @Test
    void aWrittenMigrationIsShownAndCountsAsThisSessionsUntilItsDraftIsDeleted() {
        DevModeState state = new DevModeState();
        Path v2 = Path.of("migrations", "V2__add_nick.sql");

        state.wrote(v2);
        state.rememberLastGenerated(Optional.of(Path.of("migrations", "V1__init.sql")));

        assertEquals(String.valueOf(v2), state.toJson().get("lastGeneratedFile"), "the folder's newest only fills a gap");
        assertEquals(Set.of(v2.toAbsolutePath().normalize()), state.drafting().written());
        state.forgetWritten(p -> p.getFileName().toString().equals("V2__add_nick.sql"));
        state.forgetLastGenerated();
        assertEquals(Set.of(), state.drafting().written());
        assertEquals("", state.toJson().get("lastGeneratedFile"));
    }

    @Test
    void aCompanionFolderErrorIsSaidOnceUntilItFollowsAgain() {
        DevModeState state = new DevModeState();

        assertTrue(state.companionFailed("postgresql", "V3 is committed"));
        assertFalse(state.companionFailed("postgresql", "V3 is committed"));
        assertTrue(state.companionFailed("mysql", "V3 is committed"), "by db-kind");
        state.companionFollows("postgresql");
        assertTrue(state.companionFailed("postgresql", "V3 is committed"));
    }
}
