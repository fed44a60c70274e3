package io.quarkiverse.flywayautogen.deployment.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.render.Script;
import io.quarkiverse.flywayautogen.deployment.MigrationsFolder;
import io.quarkiverse.flywayautogen.core.render.ScriptConfig;

/**
 * Writes generated scripts into the source migrations folder and removes a replaced draft, keeping the class-path
 * copy in step during a build: this build's Flyway lists the class path after the generator ran, so what is written
 * there is applied on this very reload, and a removed draft is not applied.
 */
final class MigrationWriter {

    private final MigrationsFolder folder;

    MigrationWriter(MigrationsFolder folder) {
        this.folder = folder;
    }

    /** Writes the forward script (and the undo script, if generated); returns the forward one's path. */
    Path write(AutogenResult result, boolean duringBuild) {
        List<Script> scripts = new ArrayList<>();
        result.script().ifPresent(scripts::add);
        result.undoScript().ifPresent(scripts::add);
        Path forward = null;
        try {
            Files.createDirectories(folder.source());
            for (Script script : scripts) {
                Path target = folder.source().resolve(script.fileName());
                if (Files.exists(target)) {
                    throw new AutogenException("refusing to overwrite existing " + target);
                }
                Files.writeString(target, script.content(), StandardCharsets.UTF_8);
                ScriptConfig.writeBeside(target, script.content());
                forward = forward == null ? target : forward;
                Optional<Path> copy = folder.classpathCopy();
                if (duringBuild && copy.isPresent()) {
                    Files.createDirectories(copy.get());
                    Files.copy(target, copy.get().resolve(script.fileName()), StandardCopyOption.REPLACE_EXISTING);
                    ScriptConfig.writeBeside(copy.get().resolve(script.fileName()), script.content());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migration into " + folder.source(), e);
        }
        return forward;
    }

    /**
     * Removes the files from the source folder and from the class-path copy, each with its Flyway script
     * configuration ({@code V3__x.sql.conf}, written beside a script that must run outside Flyway's transaction):
     * left behind, it would configure whatever script takes that name next, and no script at all otherwise.
     */
    void delete(Set<String> fileNames) {
        try {
            for (String name : fileNames) {
                for (String file : List.of(name, ScriptConfig.fileName(name))) {
                    Files.deleteIfExists(folder.source().resolve(file));
                    if (folder.classpathCopy().isPresent()) {
                        Files.deleteIfExists(folder.classpathCopy().get().resolve(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the draft from " + folder.source(), e);
        }
    }
}
