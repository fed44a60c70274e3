package io.quarkiverse.flywayautogen.core;

import io.quarkiverse.flywayautogen.core.current.ReplayCacheSettings;
import io.quarkiverse.flywayautogen.core.desired.NamingConvention;
import io.quarkiverse.flywayautogen.core.desired.RenameHints;
import io.quarkiverse.flywayautogen.core.rollout.RolloutSettings;
import java.util.Optional;

import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.core.render.VersionScheme;

/**
 * Options of one generation run.
 *
 * @param message          describes the change; becomes the script's file-name slug (blank: named after what
 *                         the first operation does, e.g. {@code add_column_pets_weight})
 * @param undo             also render the undo script {@code U<version>__<slug>.sql}
 * @param allowDestructive generate drops and narrowing type changes (otherwise they are skipped with a warning)
 * @param renames          declared renames in addition to {@code @RenamedFrom} on the entities
 * @param naming           names for constraints and indexes Hibernate leaves unnamed or hashed
 * @param write            write the scripts into the migrations folder (false: only return them)
 * @param versionScheme    how the next version is chosen
 * @param version          the version to write under instead of the scheme's next: another database's folder follows
 *                         the version the datasource's migration got (empty: the scheme decides)
 * @param indexForeignKeys also index every foreign key that no index, unique constraint or primary key of its table
 *                         starts with, as hand-written schemas do (JPA declares no such index, and deleting a parent
 *                         row then scans the child table); off: the schema is exactly Hibernate's
 * @param replayCache      whether and where replayed states are kept between runs; by default
 *                         {@link ReplayCacheSettings#configured()}: on unless {@code -Dflyway-autogen.replay-cache=false}
 * @param rollout          the plain form (default) or the safe rollout form ({@code quarkus.flyway-autogen.rollout=safe})
 */
public record AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                             NamingConvention naming, boolean write, VersionScheme versionScheme,
                             Optional<MigrationVersion> version, boolean indexForeignKeys,
                             ReplayCacheSettings replayCache, RolloutSettings rollout) {

    public AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                          NamingConvention naming, boolean write, VersionScheme versionScheme,
                          Optional<MigrationVersion> version, boolean indexForeignKeys, ReplayCacheSettings replayCache) {
        this(message, undo, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys,
                replayCache, RolloutSettings.defaults());
    }

    public AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                          NamingConvention naming, boolean write, VersionScheme versionScheme,
                          Optional<MigrationVersion> version, boolean indexForeignKeys) {
        this(message, undo, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys,
                ReplayCacheSettings.configured());
    }

    public AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                          NamingConvention naming, boolean write, VersionScheme versionScheme,
                          Optional<MigrationVersion> version) {
        this(message, undo, allowDestructive, renames, naming, write, versionScheme, version, false);
    }

    public AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                          NamingConvention naming, boolean write, VersionScheme versionScheme) {
        this(message, undo, allowDestructive, renames, naming, write, versionScheme, Optional.empty());
    }

    /** With the {@link VersionScheme#INCREMENT} scheme, as before there was a choice. */
    public AutogenOptions(String message, boolean undo, boolean allowDestructive, RenameHints renames,
                          NamingConvention naming, boolean write) {
        this(message, undo, allowDestructive, renames, naming, write, VersionScheme.INCREMENT);
    }

    public static AutogenOptions defaults() {
        return new AutogenOptions("", false, false, RenameHints.none(), NamingConvention.ALEMBIC_DEFAULT, true,
                VersionScheme.INCREMENT, Optional.empty(), false);
    }

    public AutogenOptions withMessage(String m) {
        return new AutogenOptions(m, undo, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withUndo(boolean u) {
        return new AutogenOptions(message, u, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withAllowDestructive(boolean a) {
        return new AutogenOptions(message, undo, a, renames, naming, write, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withRenames(RenameHints r) {
        return new AutogenOptions(message, undo, allowDestructive, r, naming, write, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withNaming(NamingConvention n) {
        return new AutogenOptions(message, undo, allowDestructive, renames, n, write, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withWrite(boolean w) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, w, versionScheme, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withVersionScheme(VersionScheme v) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, write, v, version, indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withVersion(MigrationVersion v) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, write, versionScheme, Optional.of(v), indexForeignKeys, replayCache, rollout);
    }

    public AutogenOptions withIndexForeignKeys(boolean i) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, write, versionScheme, version, i, replayCache, rollout);
    }

    public AutogenOptions withReplayCache(ReplayCacheSettings r) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys, r, rollout);
    }

    public AutogenOptions withRollout(RolloutSettings r) {
        return new AutogenOptions(message, undo, allowDestructive, renames, naming, write, versionScheme, version, indexForeignKeys, replayCache, r);
    }
}
