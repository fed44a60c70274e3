package io.quarkiverse.flywayautogen.deployment;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import io.quarkiverse.flywayautogen.core.settings.AutogenDefaults;

/**
 * Flyway autogenerate. Everything here is read at build time, so it lives in the deployment module: the generator
 * runs while Quarkus builds the application in dev mode (and, with {@link #check()}, in the production build).
 * Nothing of it runs in, or is shipped with, an application. The datasource's db-kind, Flyway locations and
 * Hibernate ORM naming strategies are not repeated here: they are read from those extensions' own configuration.
 */
@ConfigMapping(prefix = "quarkus.flyway-autogen")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface FlywayAutogenBuildTimeConfig {

    /** Whether dev mode compares the entities with the migrations at start and after every live reload. */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code auto} writes the next migration into the source migrations folder before Flyway migrates, so it is
     * applied on the same reload; {@code manual} only reports the pending change (Dev UI and log).
     */
    @WithDefault("auto")
    Mode mode();

    /**
     * Folder the migrations are read from and written to, absolute or relative to the project directory.
     * Default: {@code src/main/resources/} followed by the first {@code filesystem:}-less Flyway location of the
     * datasource ({@code db/migration} unless {@code quarkus.flyway.locations} says otherwise).
     */
    Optional<String> migrationsLocation();

    /**
     * How the version of a new migration is chosen. {@code increment}: one more than the highest existing version,
     * keeping its shape ({@code V7} then {@code V8}, {@code V1.2} then {@code V1.3}). {@code timestamp}: the UTC time
     * of generation, {@code V20261202153000}, so that two branches do not pick the same version; it sorts after any
     * increment-scheme version, so a project can switch at any time. Read by dev mode and the Maven goals.
     */
    @WithDefault(AutogenDefaults.VERSION_SCHEME)
    VersionScheme versionScheme();

    /**
     * The databases the application ships migrations for, by db-kind, when it is more than the datasource's own
     * (e.g. {@code sqlite,postgresql}): one entity model, one migration set per database. Each database's migrations
     * live in a folder named after it, beside the datasource's ({@code db/migration/sqlite},
     * {@code db/migration/postgresql}, each the {@code quarkus.flyway.locations} of the configuration profile that
     * builds for that database; Quarkus' Flyway does not fill in Flyway's {@code {vendor}} placeholder). Dev
     * mode writes every change into each of them, under the version the datasource's migration got, and the drift
     * check checks each one. A server database's migrations are replayed on a shadow server
     * ({@code FLYWAY_AUTOGEN_SHADOW_URL}); without one they are left unchecked, said in one line. Default: the
     * datasource's database only.
     */
    Optional<List<String>> vendors();

    /** Names given to constraints and indexes that the entities leave unnamed (same placeholders as Alembic). */
    NamingConventionConfig namingConvention();

    /** Also write the undo script {@code U<version>__<slug>.sql} next to each generated migration. */
    @WithDefault(AutogenDefaults.UNDO)
    boolean undo();

    /**
     * Write destructive operations (dropping a table or column, narrowing a type) in {@code auto} mode without
     * asking. When false they wait for a confirmation in the Dev UI. Possible renames always wait.
     */
    @WithDefault(AutogenDefaults.ALLOW_DESTRUCTIVE)
    boolean allowDestructive();

    /**
     * Renames confirmed in configuration, each {@code table.old_column=new_column} or {@code old_table=new_table}.
     * Prefer {@code @io.quarkiverse.flywayautogen.RenamedFrom("old")} on the field or entity.
     */
    Optional<List<String>> renames();

    /**
     * Names the next migration dev mode writes, or the draft it amends: {@code V2__<message>.sql}. Without it a file
     * is named after what it does ({@code add_column_pets_weight}). The Dev UI's history page sets one for the
     * current draft.
     */
    Optional<String> message();

    /**
     * Whether a later mapping change amends the newest migration while it is a draft instead of adding a file. A
     * draft is a migration dev mode wrote that is not committed: untracked or changed in git, or, outside a git
     * repository, written in this dev-mode session. Amending undoes the draft on the dev database, generates it again
     * from the migrations before it, and lets Flyway apply it on the same reload; a committed migration is never
     * touched.
     */
    @WithDefault("true")
    boolean amendDrafts();

    /**
     * The datasource whose Flyway migrations are generated, by its name in {@code quarkus.datasource."name".*}; the
     * default datasource when not set. Its persistence unit's naming strategies name the tables and columns.
     */
    Optional<String> datasource();

    /**
     * The {@code alembic check} equivalent: when true, the production build ({@code quarkus:build}, in
     * {@code package}) fails if the entities and the migrations differ, listing the pending operations. Test builds
     * do not check: a failure there would be reported once per test class, buried under the test engine's errors.
     * To stop {@code ./mvnw verify} before the tests, bind the Maven goal {@code flyway-autogen:check-no-fork}.
     */
    @WithDefault("false")
    boolean check();

    /**
     * Also create an index for every foreign key that no index, unique constraint or primary key of its table starts
     * with, named by {@code naming-convention.index} ({@code ix_<table>_<columns>}). JPA declares none, so Hibernate
     * creates none, and on PostgreSQL every delete of a parent row then scans the child table. An index written by
     * hand on the same columns, under any name, is kept instead. Off by default: the schema is exactly Hibernate's.
     * Read by dev mode, the drift check and the Maven goals.
     */
    @WithDefault(AutogenDefaults.INDEX_FOREIGN_KEYS)
    boolean indexForeignKeys();

    /**
     * Lint the migrations for a rolling deployment in the drift check ({@code check}) and the
     * {@code flyway-autogen:check} goals: a new migration with an expand/contract step or a lock that grows with the
     * table (an index built without {@code CONCURRENTLY}, a constraint validated on add, a rebuild) fails unless its
     * script acknowledges it: {@code -- flyway-autogen:allow <rule> "<reason>"}. See the safe rollout page.
     */
    @WithDefault("true")
    boolean lint();

    /**
     * The newest migration version already applied where it matters (production): migrations up to it are only
     * reported by the lint, never failed, since changing them would change their checksum. Not set: every migration
     * but the newest counts as applied.
     */
    Optional<String> lintBaseline();

    /**
     * {@code default} writes the plain form; {@code safe} writes the form a rolling deployment survives (PostgreSQL):
     * the script starts with {@code lock_timeout} and {@code statement_timeout}, foreign keys and CHECKs are added
     * {@code NOT VALID}, a new NOT NULL goes through a CHECK, and validations and index builds ({@code CONCURRENTLY})
     * go into a second script, {@code V<n+1>}, with {@code executeInTransaction=false} in its {@code .sql.conf}.
     * Maven goals: {@code -Dflyway-autogen.rollout=safe}; CLI: {@code --rollout safe}. See the safe rollout page.
     */
    @WithDefault(AutogenDefaults.ROLLOUT)
    String rollout();

    /** PostgreSQL's {@code lock_timeout} at the start of the safe form's scripts: a blocked migration fails fast. */
    @WithDefault(AutogenDefaults.ROLLOUT_LOCK_TIMEOUT)
    String rolloutLockTimeout();

    /** PostgreSQL's {@code statement_timeout} at the start of the safe form's scripts. */
    @WithDefault(AutogenDefaults.ROLLOUT_STATEMENT_TIMEOUT)
    String rolloutStatementTimeout();

    enum Mode {
        AUTO,
        MANUAL
    }

    enum VersionScheme {
        INCREMENT,
        TIMESTAMP
    }

    interface NamingConventionConfig {
        /** Index names. */
        @WithDefault(AutogenDefaults.INDEX_NAME)
        String index();

        /** Unique constraint names. */
        @WithDefault(AutogenDefaults.UNIQUE_NAME)
        String unique();

        /** Foreign key names. */
        @WithDefault(AutogenDefaults.FOREIGN_KEY_NAME)
        String foreignKey();

        /** Check constraint names. */
        @WithDefault(AutogenDefaults.CHECK_NAME)
        String check();

        /** Primary key names. */
        @WithDefault(AutogenDefaults.PRIMARY_KEY_NAME)
        String primaryKey();
    }
}
