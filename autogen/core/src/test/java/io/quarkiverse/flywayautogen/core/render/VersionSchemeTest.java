package io.quarkiverse.flywayautogen.core.render;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionSchemeTest {

    /** A Paris clock: the timestamp is UTC whatever the machine's zone. */
    private static final Clock DEC_2_15_30 = Clock.fixed(Instant.parse("2026-12-02T15:30:00Z"), ZoneId.of("Europe/Paris"));

    @Test
    void incrementKeepsTheShapeOfTheHighestVersion() {
        assertEquals("1", VersionScheme.INCREMENT.next(Optional.empty(), DEC_2_15_30).toString());
        assertEquals("8", VersionScheme.INCREMENT.next(Optional.of(MigrationVersion.parse("7")), DEC_2_15_30).toString());
        assertEquals("1.3", VersionScheme.INCREMENT.next(Optional.of(MigrationVersion.parse("1.2")), DEC_2_15_30).toString());
    }

    @Test
    void timestampIsUtcSecondsAndSortsAfterIncrementVersions() {
        MigrationVersion next = VersionScheme.TIMESTAMP.next(Optional.of(MigrationVersion.parse("4")), DEC_2_15_30);
        assertEquals("20261202153000", next.toString());
        assertTrue(next.compareTo(MigrationVersion.parse("4")) > 0);
        assertTrue(next.compareTo(MigrationVersion.parse("1.2")) > 0);
        assertEquals("20261202153000", VersionScheme.TIMESTAMP.next(Optional.empty(), DEC_2_15_30).toString());
    }

    @Test
    void timestampBehindTheHighestVersionStillSortsLast() {
        MigrationVersion fromAFastClock = MigrationVersion.parse("20261202160000");
        assertEquals("20261202160001", VersionScheme.TIMESTAMP.next(Optional.of(fromAFastClock), DEC_2_15_30).toString());
        // and switching back to increment goes on from there
        assertEquals("20261202160001", VersionScheme.INCREMENT.next(Optional.of(fromAFastClock), DEC_2_15_30).toString());
    }

    @Test
    void parsesConfigurationValuesAndNamesTheChoicesOtherwise() {
        assertEquals(VersionScheme.TIMESTAMP, VersionScheme.parse(" Timestamp "));
        assertEquals("increment", VersionScheme.INCREMENT.configValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionScheme.parse("date"));
        assertEquals("unknown version scheme 'date' (expected increment or timestamp)", e.getMessage());
    }
}
