package io.quarkiverse.flywayautogen.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.core.AutogenException;

class VendorFoldersTest {

    @Test
    void theOtherVendorsFoldersSitBesideTheDatasourcesOwn() {
        Path sqlite = Path.of("/app/src/main/resources/db/migration/sqlite");

        Map<String, Path> folders = VendorFolders.resolve(sqlite, "sqlite", List.of("sqlite", "PostgreSQL"));

        assertEquals(List.of("sqlite", "postgresql"), List.copyOf(folders.keySet()), "the datasource's vendor first");
        assertEquals(sqlite, folders.get("sqlite"));
        assertEquals(Path.of("/app/src/main/resources/db/migration/postgresql"), folders.get("postgresql"));
    }

    @Test
    void theLastSegmentNamingTheVendorIsReplacedAndRelativeFoldersStayRelative() {
        Map<String, Path> folders = VendorFolders.resolve(Path.of("sqlite/db/sqlite/migrations"), "sqlite",
                List.of("postgresql"));

        assertEquals(Path.of("sqlite/db/postgresql/migrations"), folders.get("postgresql"));
    }

    @Test
    void flywaysPlaceholderIsFilledInWithTheVendorsName() {
        assertEquals("db/migration/postgresql", VendorFolders.substitute("db/migration/{vendor}", "PostgreSQL"));
        assertEquals("db/migration", VendorFolders.substitute("db/migration", "sqlite"));
    }

    @Test
    void oneVendorNeedsNoVendorInItsFolder() {
        Path plain = Path.of("/app/db/migration");

        assertEquals(Map.of("sqlite", plain), VendorFolders.resolve(plain, "sqlite", List.of("sqlite")));
        assertEquals(Map.of("sqlite", plain), VendorFolders.resolve(plain, "sqlite", List.of()));
    }

    @Test
    void aSecondVendorWithoutVendorFoldersIsRefusedSayingHowToLayThemOut() {
        AutogenException e = assertThrows(AutogenException.class,
                () -> VendorFolders.resolve(Path.of("/app/db/migration"), "sqlite", List.of("sqlite", "postgresql")));

        assertTrue(e.getMessage().contains("db/migration/sqlite, db/migration/postgresql"), e.getMessage());
        assertTrue(e.getMessage().contains("{vendor}"), e.getMessage());
    }
}
