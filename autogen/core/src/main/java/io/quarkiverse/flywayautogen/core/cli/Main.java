package io.quarkiverse.flywayautogen.core.cli;


import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
import io.quarkiverse.flywayautogen.core.Warning;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.DialectProvider;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;

import io.quarkiverse.flywayautogen.core.rollout.lint.LintReport;
import io.quarkiverse.flywayautogen.core.rollout.lint.MigrationLint;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code generate} writes the next migration(s) and prints their paths (or "no changes"); {@code check} exits 0
 * when the migrations match the entities and the new ones pass the rollout lint, 1 with the pending operations or
 * the lint's failures listed, 2 on error; {@code contract} writes the contract migration dropping what safe rollout
 * deferred ({@code flyway-autogen-deferred.txt}) and prints its path (or "nothing deferred").
 */
public final class Main {

    public static final int IN_SYNC = 0;
    public static final int PENDING = 1;
    public static final int ERROR = 2;

    /** What a warning asks the user to do, in this command line's options. */
    static final Warning.Remedies REMEDIES = new Warning.Remedies("pass --rename %s", "--allow-destructive");

    private Main() {
    }

    public static void main(String[] args) {
        // Flyway and Hibernate log every step at INFO through java.util.logging; the CLI's own output is enough.
        Logger.getLogger("").setLevel(Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    /** A --shadow-url given on the command line wins over the configured shadow server. */
    private static Autogenerate engine(CliArguments arguments) {
        if (arguments.shadowServer().isPresent()) {
            DevDatabase shadow = arguments.shadowServer().get();
            DialectProvider served = Dialects.forUrl(shadow.jdbcUrl()).orElseThrow();
            if (Dialects.provider(arguments.dialect()).filter(served::equals).isEmpty()) {
                throw new AutogenException("--shadow-url is for --dialect " + served.name() + ", not " + arguments.dialect());
            }
        }
        return arguments.settings().engine(arguments.dialect());
    }

    /**
     * As the {@code check} goal: a new migration's unacknowledged expand/contract step or lock fails the check
     * ({@link #PENDING}); applied ones (up to {@code --lint-baseline}, unset: all but the newest) are only reported.
     */
    private static int lint(CliArguments arguments, Autogenerate engine, PrintStream out) {
        if (!arguments.lint().enabled()) {
            return IN_SYNC;
        }
        LintReport report = MigrationLint.lint(arguments.migrations(), engine.dialect(), arguments.lint().baseline());
        report.findings().stream().filter(f -> !f.failing()).forEach(f -> out.println("rollout: " + f.describe()));
        if (report.passed()) {
            return IN_SYNC;
        }
        out.println(report.failureMessage());
        out.println("Migrations up to --lint-baseline count as applied (unset: all but the newest); --no-lint skips this.");
        return PENDING;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return ERROR;
        }
        try {
            EntityScanner.Scan scan = EntityScanner.scan(arguments.classpath());
            Autogenerate engine = engine(arguments);
            EntitySet entities = new EntitySet(scan.entities(), scan.loader(), arguments.namingStrategy());
            if (!arguments.beanValidation()) {
                entities = entities.withBeanValidationDdl(false);
            }
            Path migrations = arguments.migrations();
            if (arguments.command().equals("check")) {
                AutogenResult result = engine.check(entities, migrations, arguments.options());
                result.warnings().forEach(w -> err.println("warning: " + w.advice(REMEDIES)));
                if (result.inSync()) {
                    out.println("in sync: migrations match the entities");
                    return lint(arguments, engine, out);
                }
                out.println(result.operations().size() + " pending operation(s):");
                result.describedWithVerdicts().forEach(line -> out.println("  " + line));
                return PENDING;
            }
            if (arguments.command().equals("contract")) {
                AutogenResult result = engine.contract(entities, migrations, arguments.options());
                result.warnings().forEach(w -> err.println("warning: " + w.advice(REMEDIES)));
                if (result.written().isEmpty()) {
                    out.println("nothing deferred to drop");
                } else {
                    result.written().forEach(p -> out.println(p.toAbsolutePath()));
                }
                return IN_SYNC;
            }
            AutogenResult result = engine.generate(entities, migrations, arguments.options());
            result.warnings().forEach(w -> err.println("warning: " + w.advice(REMEDIES)));
            if (result.written().isEmpty()) {
                out.println("no changes");
            } else {
                result.written().forEach(p -> out.println(p.toAbsolutePath()));
            }
            return IN_SYNC;
        } catch (AutogenException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (RuntimeException | LinkageError e) {
            err.println("error: " + e);
            return ERROR;
        }
    }
}
