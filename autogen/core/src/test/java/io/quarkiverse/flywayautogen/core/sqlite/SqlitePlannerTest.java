package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.AlterColumn;
import io.quarkiverse.flywayautogen.core.ops.DropColumn;
import io.quarkiverse.flywayautogen.core.ops.RenameColumn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quarkiverse.flywayautogen.core.TestModels.col;
import static io.quarkiverse.flywayautogen.core.TestModels.fk;
import static io.quarkiverse.flywayautogen.core.TestModels.id;
import static io.quarkiverse.flywayautogen.core.TestModels.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlitePlannerTest {

    static final Table OWNER = table("owner", List.of(id(), col("name", "text", true, null)), List.of());
    static final Table PET = table("pet", List.of(id(), col("owner_id", "bigint", true, null), col("weight", "integer", true, null)),
            List.of(fk("owner_id", "owner", "CASCADE"))).withIndexes(List.of(new Index("ix_pet_weight", List.of("weight"), false)));
    static final Table VISIT = table("visit", List.of(id(), col("pet_id", "bigint", true, null)), List.of(fk("pet_id", "pet", "SET NULL")));
    static final Table TAG = table("tag", List.of(id()), List.of());
    static final Schema SCHEMA = Schema.of(List.of(OWNER, PET, VISIT, TAG));

    private static String plan(io.quarkiverse.flywayautogen.core.ops.Operation... ops) {
        return String.join(";\n", new SqlitePlanner().plan(SCHEMA, List.of(ops)).stream()
                .map(s -> s.isComment() ? "-- " + s.comment() : s.sql()).toList());
    }

    @Test
    void nullableAddColumnRenameAndUnconstrainedDropAreNativeAlters() {
        assertEquals("ALTER TABLE \"owner\" ADD COLUMN \"email\" TEXT", plan(new AddColumn("owner", col("email", "text", true, null))));
        assertEquals("ALTER TABLE \"owner\" ADD COLUMN \"age\" INTEGER NOT NULL DEFAULT 0", plan(new AddColumn("owner", col("age", "integer", false, "0"))));
        assertEquals("ALTER TABLE \"owner\" RENAME COLUMN \"name\" TO \"full_name\"", plan(new RenameColumn("owner", "name", "full_name")));
        assertEquals("ALTER TABLE \"owner\" DROP COLUMN \"name\"", plan(new DropColumn("owner", col("name", "text", true, null))));
    }

    @Test
    void nonConstantDefaultAndIndexedColumnDropNeedRebuild() {
        assertTrue(plan(new AddColumn("tag", col("created", "timestamp", false, "CURRENT_TIMESTAMP"))).contains("CREATE TABLE \"tag__autogen_new\""));
        String drop = plan(new DropColumn("pet", col("weight", "integer", true, null)));
        assertTrue(drop.contains("CREATE TABLE \"pet__autogen_new\""), drop);
    }

    @Test
    void rebuildingAParentRebuildsOnlyItWithForeignKeysOffOutsideFlywaysTransaction() {
        String sql = plan(new AlterColumn("owner", col("name", "text", true, null), col("name", "text", false, "'x'")));
        assertTrue(sql.contains("CREATE TABLE \"owner__autogen_new\""), sql);
        assertFalse(sql.contains("pet__autogen_new") || sql.contains("visit__autogen_new"), "children are left alone: " + sql);
        assertFalse(sql.contains("DROP TABLE \"pet\""), sql);
        assertTrue(sql.startsWith("-- "), "the script says why it leaves Flyway's transaction");
        assertTrue(sql.indexOf("PRAGMA foreign_keys = OFF") < sql.indexOf("SAVEPOINT autogen_migration")
                && sql.indexOf("SAVEPOINT autogen_migration") < sql.indexOf("CREATE TABLE \"owner__autogen_new\"")
                && sql.indexOf("DROP TABLE \"owner\"") < sql.indexOf("ALTER TABLE \"owner__autogen_new\" RENAME TO \"owner\"")
                && sql.indexOf("pragma_foreign_key_check('pet')") < sql.indexOf("RELEASE autogen_migration")
                && sql.indexOf("RELEASE autogen_migration") < sql.indexOf("PRAGMA foreign_keys = ON"), sql);
        assertFalse(sql.contains("pragma_foreign_key_check('visit')"), "visit references pet, not the rebuilt owner");
        assertTrue(sql.contains("INSERT OR ROLLBACK INTO \"owner__autogen_new\""), sql);
        assertTrue(sql.contains("COALESCE(\"name\", 'x')"));
        assertTrue(sql.contains("-- rebuild owner (new table, copy rows, drop old, rename): "), "the reason is in the script");
    }

    @Test
    void rebuildingAChildKeepsItsIndexesAndChecksItsParentAndItsChildren() {
        String sql = plan(new DropColumn("pet", col("weight", "integer", true, null)));
        assertTrue(sql.contains("CREATE TABLE \"pet__autogen_new\""), sql);
        assertTrue(sql.contains("REFERENCES \"owner\""), "the new table references the parent by its name");
        assertTrue(sql.contains("pragma_foreign_key_check('pet')") && sql.contains("pragma_foreign_key_check('visit')"), sql);
        assertFalse(sql.contains("visit__autogen_new"), sql);
    }

    @Test
    void aScriptWithoutRebuildStaysInFlywaysTransaction() {
        assertFalse(plan(new RenameColumn("owner", "name", "full_name")).contains("PRAGMA"));
    }

    @Test
    void aChangedParentKeyRebuildsTheChildWhoseKeyFollowsAndSaysWhy() {
        String sql = plan(new AlterColumn("owner", id(), col("id", "text", false, null)),
                new AlterColumn("pet", col("owner_id", "bigint", true, null), col("owner_id", "text", true, null)));
        assertTrue(sql.contains("CREATE TABLE \"owner__autogen_new\"") && sql.contains("CREATE TABLE \"pet__autogen_new\""), sql);
        assertTrue(sql.contains("-- rebuild pet (new table, copy rows, drop old, rename): alter column pet.owner_id"), sql);
        assertFalse(sql.contains("visit__autogen_new"), "visit's own definition does not change: " + sql);
        assertTrue(sql.contains("pragma_foreign_key_check('visit')"), "but its key into pet is checked");
    }
}
