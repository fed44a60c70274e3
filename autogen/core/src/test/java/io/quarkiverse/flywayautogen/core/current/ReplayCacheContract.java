package io.quarkiverse.flywayautogen.core.current;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.ReplaySnapshots;
import io.quarkiverse.flywayautogen.core.dialect.ScratchDatabase;
import io.quarkiverse.flywayautogen.core.model.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replay cache against a full replay: migrations are added, edited, removed, renamed and reordered between
 * replays, the cache is deleted or damaged, and every time the schema and Flyway's history must be exactly what a
 * replay of the whole folder into an empty database gives. Run once per dialect.
 */
abstract class ReplayCacheContract {

    @TempDir
    Path work;
    Path folder;
    ReplayCacheSettings cache;
    /** Makes this test's migrations, and so its keys, its own on a server other runs share. */
    private final String unique = UUID.randomUUID().toString();

    abstract Dialect dialect();

    @BeforeEach
    void folder() throws Exception {
        folder = Files.createDirectories(work.resolve("db/migration"));
        cache = ReplayCacheSettings.in(work.resolve("cache"));
        write("V1__owner.sql", "-- " + unique + "\nCREATE TABLE owner (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);");
        write("V2__pet.sql", "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id));");
        write("V3__pet_name.sql", "ALTER TABLE pet ADD COLUMN name VARCHAR(20);");
    }

    @Test
    void secondReplayComesWholeFromTheCache() throws Exception {
        assertReplay(3, 0);
        assertReplay(0, 3);
    }

    @Test
    void addedMigrationIsTheOnlyOneReplayed() throws Exception {
        assertReplay(3, 0);
        write("V4__vet.sql", "CREATE TABLE vet (id INTEGER PRIMARY KEY);");
        assertReplay(1, 3);
        assertReplay(0, 4);
    }

    @Test
    void editedNewestMigrationReplaysFromTheStateBeforeIt() throws Exception {
        assertReplay(3, 0);
        write("V3__pet_name.sql", "ALTER TABLE pet ADD COLUMN name VARCHAR(30);");
        assertReplay(1, 2);
        write("V3__pet_name.sql", "ALTER TABLE pet ADD COLUMN nickname VARCHAR(30);");
        assertReplay(1, 2);
    }

    @Test
    void editedOlderMigrationIsNeverTakenFromTheCache() throws Exception {
        assertReplay(3, 0);
        write("V2__pet.sql", "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER, weight INTEGER);");
        assertReplay(3, 0);
    }

    @Test
    void removedNewestMigrationLeavesTheStateBeforeIt() throws Exception {
        assertReplay(3, 0);
        Files.delete(folder.resolve("V3__pet_name.sql"));
        assertReplay(0, 2);
    }

    @Test
    void removedMiddleMigrationReplaysAll() throws Exception {
        assertReplay(3, 0);
        Files.delete(folder.resolve("V2__pet.sql"));
        write("V3__pet_name.sql", "CREATE TABLE pet (id INTEGER PRIMARY KEY, name VARCHAR(20));");
        assertReplay(2, 0);
    }

    @Test
    void renamedMigrationIsReplayedUnderItsNewName() throws Exception {
        assertReplay(3, 0);
        Files.move(folder.resolve("V3__pet_name.sql"), folder.resolve("V3__pet_nickname.sql"));
        assertReplay(1, 2);
        Files.move(folder.resolve("V2__pet.sql"), folder.resolve("V2__pets.sql"));
        assertReplay(3, 0); // only the states after all and all but the newest are kept
    }

    @Test
    void reorderedMigrationsReplayInTheirNewOrder() throws Exception {
        write("V4__vet.sql", "CREATE TABLE vet (id INTEGER PRIMARY KEY);");
        assertReplay(4, 0);
        Files.move(folder.resolve("V4__vet.sql"), folder.resolve("V2_5__vet.sql"));
        assertReplay(4, 0);
        assertReplay(0, 4);
    }

    @Test
    void deletedCacheReplaysAll() throws Exception {
        assertReplay(3, 0);
        snapshots().list().forEach(s -> snapshots().delete(s.key()));
        assertReplay(3, 0);
    }

    @Test
    void damagedSnapshotIsDroppedNotUsed() throws Exception {
        assertReplay(3, 0);
        damageNewestSnapshot();
        Replayed replayed = assertReplay(-1, -1);
        assertTrue(replayed.fromCache() < 3, "the damaged state of all three was not used: " + replayed);
        assertReplay(0, 3);
    }

    @Test
    void failedReplayKeepsNoStateOfTheFailure() throws Exception {
        assertReplay(3, 0);
        write("V4__broken.sql", "CREATE TABLE vet (id INTEGER PRIMARY KEY);\nALTER TABLE nowhere ADD COLUMN x INTEGER;");
        List<String> before = keys();
        assertThrows(AutogenException.class, () -> new MigrationReplayer(dialect()).replay(folder, cache));
        List<String> after = keys();
        assertEquals(before, after, "no snapshot of a half-applied V4");
        assertFalse(after.contains(MigrationChain.read(folder, dialect().name()).keyAfter(4).orElseThrow()));
        Files.delete(folder.resolve("V4__broken.sql"));
        assertReplay(0, 3);
    }

    @Test
    void cacheKeepsAtMostItsBoundOfStates() throws Exception {
        cache = new ReplayCacheSettings(true, cache.directory(), 2, ReplayCacheSettings.DEFAULT_MAX_BYTES);
        for (int i = 4; i <= 7; i++) {
            write("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY);");
            assertReplay(-1, -1);
        }
        List<String> chainKeys = MigrationChain.read(folder, dialect().name()).keys();
        List<String> ours = keys().stream().filter(chainKeys::contains).toList();
        assertEquals(List.of(chainKeys.get(5), chainKeys.get(6)), ours.stream().sorted((a, b) ->
                Integer.compare(chainKeys.indexOf(a), chainKeys.indexOf(b))).toList());
    }

    @Test
    void warmComparisonTakesTheKeptModelInsteadOfReadingBack() throws Exception {
        assertEquals(1, modelReads(), "the first replay reads its model");
        assertEquals(0, modelReads(), "the whole state came from the snapshot the model was read from");
    }

    @Test
    void keptModelIsNotTakenAfterAMigrationEdit() throws Exception {
        modelReads();
        modelReads();
        write("V3__pet_name.sql", "ALTER TABLE pet ADD COLUMN nickname VARCHAR(30);");
        assertEquals(1, modelReads(), "an edited migration is another state: its model is read");
        assertReplay(0, 3);
        write("V2__pet.sql", "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner_id INTEGER, weight INTEGER);");
        assertEquals(1, modelReads(), "an edited older migration: read again");
        assertReplay(0, 3);
    }

    @Test
    void keptModelIsNotTakenWhenTheSnapshotIsGone() throws Exception {
        modelReads();
        snapshots().list().forEach(s -> snapshots().delete(s.key()));
        assertEquals(1, modelReads(), "a full replay reads its model");
    }

    @Test
    void keptModelIsNotTakenWhenTheCacheIsOff() throws Exception {
        cache = ReplayCacheSettings.off();
        assertEquals(1, modelReads());
        assertEquals(1, modelReads());
    }

    /** How often one comparison read the model back from the replayed database (0 or 1); checked against a full replay. */
    private int modelReads() throws Exception {
        int[] reads = {0};
        MigrationReplayer.Replay replay = new MigrationReplayer(dialect()).replay(folder, cache);
        try (ScratchDatabase db = replay.database(); ScratchDatabase full = new MigrationReplayer(dialect()).replay(folder).database()) {
            ReplayedModels.Model model = ReplayedModels.read(replay, () -> {
                reads[0]++;
                return new ReplayedModels.Model(readUnchecked(db), List.of());
            });
            assertEquals(read(full), model.schema(), "current model as a full replay builds it");
        }
        return reads[0];
    }

    @Test
    void offReplaysAllEveryTime() throws Exception {
        cache = ReplayCacheSettings.off();
        assertReplay(3, 0);
        assertReplay(3, 0);
    }

    record Replayed(int replayed, int fromCache) {
    }

    /** {@code replayed}, {@code fromCache}: -1 for "any". The result must match a full replay either way. */
    Replayed assertReplay(int replayed, int fromCache) throws Exception {
        MigrationReplayer.Replay cached = new MigrationReplayer(dialect()).replay(folder, cache);
        try (ScratchDatabase db = cached.database(); ScratchDatabase full = new MigrationReplayer(dialect()).replay(folder).database()) {
            assertEquals(read(full), read(db), "schema as a full replay builds it");
            ReplayedModels.Model model = ReplayedModels.read(cached, () -> new ReplayedModels.Model(readUnchecked(db), List.of()));
            assertEquals(read(full), model.schema(), "current model, kept or read, as a full replay builds it");
            assertEquals(history(full), history(db), "Flyway's history as a full replay leaves it");
        }
        if (replayed >= 0) {
            assertEquals(replayed, cached.replayed(), "migrations replayed");
        }
        if (fromCache >= 0) {
            assertEquals(fromCache, cached.fromCache(), "migrations from the cache");
        }
        return new Replayed(cached.replayed(), cached.fromCache());
    }

    abstract void damageNewestSnapshot() throws Exception;

    void write(String name, String sql) throws Exception {
        Files.writeString(folder.resolve(name), sql + "\n");
    }

    ReplaySnapshots snapshots() {
        return dialect().replaySnapshots(cache.directoryFor(folder)).orElseThrow();
    }

    List<String> keys() {
        return snapshots().list().stream().map(ReplaySnapshots.Snapshot::key).sorted().toList();
    }

    private Schema readUnchecked(ScratchDatabase db) {
        try {
            return read(db);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Schema read(ScratchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return dialect().reader().read(c);
        }
    }

    private static List<String> history(ScratchDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, description, script, checksum, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|" + rs.getBoolean(5));
            }
        }
        return rows;
    }
}
