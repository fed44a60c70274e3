package io.quarkiverse.flywayautogen.core.dialect;

import io.quarkiverse.flywayautogen.core.AutogenException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialectsTest {

    @Test
    void findsEveryRegisteredProviderByDbKindAndUrl() {
        assertEquals(java.util.List.of("sqlite", "postgresql", "mariadb", "mysql"), Dialects.providers().stream().map(DialectProvider::name).toList());
        assertEquals(java.util.List.of("sqlite", "postgresql", "mariadb"), Dialects.supportedNames(), "mysql is refused, not supported");
        assertEquals("postgresql", Dialects.provider(" PostgreSQL ").orElseThrow().name());
        assertEquals("sqlite", Dialects.forUrl("jdbc:sqlite:target/app.db").orElseThrow().name());
        assertEquals("postgresql", Dialects.forUrl("jdbc:postgresql://localhost/app").orElseThrow().name());
        assertTrue(Dialects.forUrl("jdbc:h2:mem:x").isEmpty());
    }

    @Test
    void unknownDbKindNamesTheSupportedOnes() {
        AutogenException e = assertThrows(AutogenException.class, () -> Dialects.require("oracle", Optional.empty()));
        assertEquals("unsupported dialect 'oracle' (supported: sqlite, postgresql, mariadb)", e.getMessage());
    }

    @Test
    void serverDialectComparesOnlyOnItsOwnKindOfDevDatabase() {
        DevDatabase postgres = new DevDatabase("jdbc:postgresql://db:5432/app", "me", "secret", false);
        assertEquals("postgresql", Dialects.require("postgresql", Optional.of(postgres)).name());
        DevDatabase sqliteDatasource = new DevDatabase("jdbc:sqlite:app.db", null, null, false);
        assertInstanceOf(DialectNotConfiguredException.class,
                assertThrows(AutogenException.class, () -> Dialects.require("postgresql", Optional.of(sqliteDatasource))),
                "a SQLite datasource leaves the PostgreSQL migrations unchecked, not failed");
        DevDatabase wrongShadow = new DevDatabase("jdbc:sqlite:app.db", null, null, true);
        AutogenException e = assertThrows(AutogenException.class, () -> Dialects.require("postgresql", Optional.of(wrongShadow)));
        assertFalse(e instanceof DialectNotConfiguredException, "a shadow server set to another database is an error");
        assertEquals("sqlite", Dialects.require("sqlite", Optional.of(postgres)).name(), "a file dialect needs no server");
    }

    @Test
    void capabilitiesTellTheDialectsApart() {
        Capabilities sqlite = Dialects.require("sqlite", Optional.empty()).capabilities();
        Capabilities postgres = Dialects.require("postgresql",
                Optional.of(new DevDatabase("jdbc:postgresql://db/app", null, null, true))).capabilities();
        assertTrue(sqlite.rebuilds() && sqlite.hibernateDialectSet() && !sqlite.sequences() && !sqlite.enumTypes());
        assertTrue(postgres.transactionalDdl() && postgres.sequences() && postgres.enumTypes() && !postgres.rebuilds());
    }

    @Test
    void devDatabaseNeverPrintsItsPassword() {
        String shown = new DevDatabase("jdbc:postgresql://db/app?password=s3cret", "me", "s3cret", true).toString();
        assertFalse(shown.contains("s3cret"), shown);
    }
}
