package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.postgresql.PostgresDialect;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.core.rollout.Rule;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lint on hand-written and generated scripts: each recognised statement, acknowledgements, the baseline. */
class MigrationLintTest {

    private static final Dialect POSTGRES = new PostgresDialect(null); // the lint reads files only
    private static final Dialect SQLITE = new SqliteDialect();
    private static final String V1 = "CREATE TABLE pets (id BIGINT PRIMARY KEY, name VARCHAR(40), owner_id BIGINT);\n"
            + "CREATE INDEX ix_pets_name ON pets (name);\n";

    @TempDir
    Path folder;

    private LintReport lint(Dialect dialect, String v2) throws Exception {
        Files.writeString(folder.resolve("V1__pets.sql"), V1);
        Files.writeString(folder.resolve("V2__change.sql"), v2);
        return MigrationLint.lint(folder, dialect, Optional.empty());
    }

    private static Set<Rule> failing(LintReport report) {
        return report.failing().stream().map(f -> f.finding().rule()).collect(Collectors.toSet());
    }

    @Test
    void indexesOfATableCreatedInTheSameScriptAreFine() throws Exception {
        assertEquals(List.of(), MigrationLint.lintScript(ScriptStatements.parse(V1).statements(), POSTGRES.statementRules()));
    }

    @Test
    void indexWithoutConcurrentlyFailsOnPostgres() throws Exception {
        LintReport report = lint(POSTGRES, "CREATE INDEX ix_pets_owner ON pets (owner_id);");
        assertEquals(Set.of(Rule.LOCKING_INDEX_BUILD), failing(report));
        assertTrue(report.failureMessage().contains("V2__change.sql: locking-index-build"), report.failureMessage());
        assertTrue(lint(POSTGRES, "CREATE INDEX CONCURRENTLY ix_pets_owner ON pets (owner_id);").passed());
        assertTrue(lint(SQLITE, "CREATE INDEX ix_pets_owner ON pets (owner_id);").passed());
    }

    @Test
    void acknowledgedFindingPassesAndSaysWhy() throws Exception {
        LintReport report = lint(POSTGRES, "-- flyway-autogen:allow locking-index-build \"table is small, built at night\"\n"
                + "CREATE INDEX ix_pets_owner ON pets (owner_id);");
        assertTrue(report.passed(), report.failureMessage());
        assertEquals(Optional.of("table is small, built at night"), report.findings().get(0).acknowledged());
    }

    @Test
    void acknowledgementWithoutReasonOrRuleAllowsNothing() throws Exception {
        LintReport report = lint(POSTGRES, "-- flyway-autogen:allow locking-index-build\n-- flyway-autogen:allow no-such-rule \"x\"\n"
                + "CREATE INDEX ix_pets_owner ON pets (owner_id);");
        assertFalse(report.passed());
        assertEquals(2, report.badAcknowledgements().size(), report.badAcknowledgements().toString());
    }

    @Test
    void foreignKeyAndCheckWithoutNotValidFail() throws Exception {
        assertEquals(Set.of(Rule.LOCKING_FOREIGN_KEY_VALIDATION), failing(lint(POSTGRES,
                "ALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id);")));
        assertEquals(Set.of(Rule.LOCKING_CHECK_VALIDATION), failing(lint(POSTGRES,
                "ALTER TABLE pets ADD CONSTRAINT ck_name CHECK (length(name) > 0);")));
        assertTrue(lint(POSTGRES, "ALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;\n"
                + "ALTER TABLE pets VALIDATE CONSTRAINT fk_owner;").passed());
    }

    @Test
    void typeChangeAndSetNotNullFail() throws Exception {
        assertEquals(Set.of(Rule.LOCKING_TYPE_REWRITE), failing(lint(POSTGRES, "ALTER TABLE pets ALTER COLUMN name TYPE text;")));
        assertEquals(Set.of(Rule.NOT_NULL_TIGHTENING, Rule.LOCKING_NOT_NULL_SCAN),
                failing(lint(POSTGRES, "ALTER TABLE pets ALTER COLUMN name SET NOT NULL;")));
    }

    @Test
    void dropsRenamesAndRequiredColumnsFailOnBothDialects() throws Exception {
        for (Dialect d : List.of(POSTGRES, SQLITE)) {
            assertEquals(Set.of(Rule.DROP_MAPPED_COLUMN), failing(lint(d, "ALTER TABLE pets DROP COLUMN name;")), d.name());
            assertEquals(Set.of(Rule.DROP_MAPPED_TABLE), failing(lint(d, "DROP TABLE pets;")), d.name());
            assertEquals(Set.of(Rule.RENAME), failing(lint(d, "ALTER TABLE pets RENAME COLUMN name TO nickname;")), d.name());
            assertEquals(Set.of(Rule.RENAME), failing(lint(d, "ALTER TABLE pets RENAME TO animals;")), d.name());
            assertEquals(Set.of(Rule.NOT_NULL_WITHOUT_DEFAULT), failing(lint(d, "ALTER TABLE pets ADD COLUMN w INTEGER NOT NULL;")), d.name());
            assertTrue(lint(d, "ALTER TABLE pets ADD COLUMN w INTEGER NOT NULL DEFAULT 0;").passed(), d.name());
        }
    }

    @Test
    void sqliteRebuildIsOneLockNotADropAndARename() throws Exception {
        LintReport report = lint(SQLITE, "CREATE TABLE \"pets__autogen_new\" (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n"
                + "INSERT INTO \"pets__autogen_new\" (id, name) SELECT id, name FROM \"pets\";\n"
                + "DROP TABLE \"pets\";\nALTER TABLE \"pets__autogen_new\" RENAME TO \"pets\";");
        assertEquals(Set.of(Rule.LOCKING_TABLE_REBUILD), failing(report));
    }

    @Test
    void appliedMigrationsAreReportedNotFailed() throws Exception {
        Files.writeString(folder.resolve("V1__pets.sql"), V1);
        Files.writeString(folder.resolve("V2__change.sql"), "ALTER TABLE pets DROP COLUMN name;");
        LintReport report = MigrationLint.lint(folder, POSTGRES, Optional.of(MigrationVersion.parse("2")));
        assertTrue(report.passed());
        assertEquals(1, report.findings().size());
        assertTrue(report.findings().get(0).describe().endsWith("(already applied: reported only)"));
    }

    @Test
    void petManagerHistoryIsLintedPerDialect() {
        Path base = Path.of("../../pet-manager/src/main/resources/db/migration");
        LintReport sqlite = MigrationLint.lint(base.resolve("sqlite"), SQLITE, Optional.empty());
        assertEquals(Set.of(Rule.LOCKING_TABLE_REBUILD), failing(sqlite), sqlite.failureMessage());
        LintReport postgres = MigrationLint.lint(base.resolve("postgresql"), POSTGRES, Optional.empty());
        assertEquals(Set.of(Rule.LOCKING_INDEX_BUILD), failing(postgres), postgres.failureMessage());
        assertTrue(postgres.findings().stream().anyMatch(f -> f.applied() && f.script().startsWith("V2__")
                && f.finding().rule() == Rule.LOCKING_INDEX_BUILD), "V2's index is reported");
        assertTrue(MigrationLint.lint(base.resolve("postgresql"), POSTGRES, Optional.of(MigrationVersion.parse("5"))).passed());
    }
}
