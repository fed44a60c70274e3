package io.quarkiverse.flywayautogen.core.rollout;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.ops.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The drops a safe rollout deferred, kept in {@value #FILE_NAME} beside the migrations so that a reviewer sees them
 * and the contract step knows what to drop. Flyway ignores the file (not a {@code .sql} script). The comparisons
 * treat the listed items as expected differences; an item the schema no longer holds makes the file stale, which
 * fails the check rather than silently forgetting a drop that someone made by hand.
 */
public record DeferredDrops(List<DeferredDrop> items) {

    public static final String FILE_NAME = "flyway-autogen-deferred.txt";

    private static final String HEADER = """
            # Drops deferred by quarkus.flyway-autogen.rollout=safe: the previous release still uses these, so the
            # expand migration left them in place. The contract step (flyway-autogen:contract, the CLI's contract, the
            # Dev UI's Contract action) writes the migration that drops them and empties this file, once no replica
            # runs a release that needs them. Until then the comparisons expect them. One line each:
            #   table <name> | <deferred by> | <reason>    or    column <table>.<column> | <deferred by> | <reason>
            """;

    public DeferredDrops {
        items = List.copyOf(items);
    }

    public static DeferredDrops none() {
        return new DeferredDrops(List.of());
    }

    public static DeferredDrops read(Path migrationsDir) {
        Path file = migrationsDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            List<DeferredDrop> items = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    items.add(DeferredDrop.parse(line, file + ":" + (i + 1)));
                }
            }
            return new DeferredDrops(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the file; with no items left it keeps only its header, so the reviewer sees the contract emptied it. */
    public void write(Path migrationsDir) {
        StringBuilder sb = new StringBuilder(HEADER);
        items.forEach(item -> sb.append(item.line()).append('\n'));
        try {
            Files.writeString(migrationsDir.resolve(FILE_NAME), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + migrationsDir.resolve(FILE_NAME), e);
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean expects(Operation op) {
        return items.stream().anyMatch(item -> item.isDroppedBy(op));
    }

    public DeferredDrops plus(List<DeferredDrop> more) {
        List<DeferredDrop> all = new ArrayList<>(items);
        more.stream().filter(m -> all.stream().noneMatch(i -> i.describe().equalsIgnoreCase(m.describe()))).forEach(all::add);
        return new DeferredDrops(all);
    }

    /** Fails when an item is no longer in the schema: a hand-written migration dropped it, or the file is wrong. */
    public void requireIn(Schema current, Path migrationsDir) {
        List<String> stale = items.stream().filter(item -> !item.existsIn(current)).map(DeferredDrop::describe).toList();
        if (!stale.isEmpty()) {
            throw new AutogenException(migrationsDir.resolve(FILE_NAME) + " is stale: it defers the drop of "
                    + String.join(", ", stale) + ", which the migrations' schema no longer has. Remove "
                    + (stale.size() == 1 ? "that line" : "those lines") + " (a hand-written migration dropped it?).");
        }
    }
}
