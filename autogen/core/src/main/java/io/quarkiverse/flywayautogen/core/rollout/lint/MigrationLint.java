package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.render.MigrationVersion;
import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lints a folder's versioned migrations, generated or hand-written, for a rolling deployment: each statement the
 * rules recognise (the shared ones and the dialect's {@link Dialect#statementRules()}) gives findings. A migration is
 * <em>new</em> when its version is above the baseline (the newest version already applied where it matters, e.g.
 * production); without a baseline only the newest migration is new. New migrations fail on an expand/contract step
 * or a lock their script does not acknowledge; applied ones are reported only, since changing them would change
 * their checksum.
 */
public final class MigrationLint {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile("^create (?:temp |temporary )?table (?:if not exists )?"
            + SharedStatementRules.ID);
    private static final Pattern DROP_TABLE = Pattern.compile("^drop table (?:if exists )?" + SharedStatementRules.ID);
    private static final Pattern RENAME_TABLE = Pattern.compile("^alter table " + SharedStatementRules.ID + " rename to "
            + SharedStatementRules.ID);

    private MigrationLint() {
    }

    public static LintReport lint(Path migrationsDir, Dialect dialect, Optional<MigrationVersion> baseline) {
        record Versioned(MigrationVersion version, Path file) {
        }
        List<Versioned> scripts = new ArrayList<>();
        if (Files.isDirectory(migrationsDir)) {
            try (Stream<Path> files = Files.walk(migrationsDir)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    Matcher m = VERSIONED.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        scripts.add(new Versioned(MigrationVersion.parse(m.group(1)), f));
                    }
                });
            } catch (IOException e) {
                throw new AutogenException("cannot list the migrations in " + migrationsDir + ": " + e.getMessage(), e);
            }
        }
        scripts.sort(Comparator.comparing(Versioned::version));
        List<LintFinding> findings = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Versioned v = scripts.get(i);
            boolean applied = baseline.map(b -> v.version().compareTo(b) <= 0).orElse(i < scripts.size() - 1);
            ScriptStatements parsed = ScriptStatements.parse(read(v.file()));
            String name = v.file().getFileName().toString();
            parsed.unknownAcknowledgements().forEach(u -> bad.add(name + ": " + u));
            for (RolloutFinding finding : lintScript(parsed.statements(), dialect.statementRules())) {
                findings.add(new LintFinding(name, finding, applied, Optional.ofNullable(parsed.acknowledged().get(finding.rule()))));
            }
        }
        return new LintReport(findings, bad);
    }

    /** One script's findings; a drop of a table and a rename of a new one onto its name is a rebuild (SQLite's). */
    static List<RolloutFinding> lintScript(List<String> statements, StatementRules dialectRules) {
        Set<String> rebuilt = new HashSet<>();
        Set<String> created = new HashSet<>();
        for (String statement : statements) {
            Matcher create = CREATE_TABLE.matcher(statement);
            Matcher rename = RENAME_TABLE.matcher(statement);
            if (create.find()) {
                created.add(ScriptStatements.name(create.group(1)));
            } else if (rename.find() && created.contains(ScriptStatements.name(rename.group(1)))) {
                rebuilt.add(ScriptStatements.name(rename.group(2)));
            }
        }
        StatementRules shared = new SharedStatementRules();
        List<RolloutFinding> findings = new ArrayList<>();
        Set<String> createdHere = new HashSet<>();
        for (String table : rebuilt) {
            findings.add(new RolloutFinding(Rule.LOCKING_TABLE_REBUILD, "rebuilds " + table
                    + " (new table, copy every row, drop, rename) while writes to it wait"));
        }
        for (String statement : statements) {
            Matcher drop = DROP_TABLE.matcher(statement);
            Matcher rename = RENAME_TABLE.matcher(statement);
            boolean swap = (drop.find() && rebuilt.contains(ScriptStatements.name(drop.group(1))))
                    || (rename.find() && createdHere.contains(ScriptStatements.name(rename.group(1))));
            if (!swap) {
                findings.addAll(shared.findings(statement, createdHere));
                findings.addAll(dialectRules.findings(statement, createdHere));
            }
            Matcher create = CREATE_TABLE.matcher(statement);
            if (create.find()) {
                createdHere.add(ScriptStatements.name(create.group(1)));
            }
        }
        return findings;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AutogenException("cannot read migration " + file + ": " + e.getMessage(), e);
        }
    }
}
