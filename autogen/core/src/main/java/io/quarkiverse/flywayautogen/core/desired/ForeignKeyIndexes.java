package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Index;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opt-in ({@code AutogenOptions.indexForeignKeys}): adds to the desired schema an index for every foreign key its
 * table does not already cover. JPA declares no index for a foreign key, so Hibernate creates none, and on
 * PostgreSQL every delete or key update of a parent row then scans the child table; hand-written schemas index them.
 * <p>
 * A foreign key is covered by an index, unique constraint or primary key whose leading columns are its columns (in
 * any order: the database uses such an index for the equality lookup a parent's delete makes). An index of the
 * current schema that covers it is kept as it is, whatever its name, so a hand-written index is neither duplicated
 * nor renamed; otherwise the index is named by the naming convention, shortened to fit PostgreSQL's 63 bytes.
 */
public final class ForeignKeyIndexes {

    /** PostgreSQL's NAMEDATALEN - 1: a longer name is cut there, and would then never read back as declared. */
    static final int MAX_NAME_BYTES = 63;

    private final NamingConvention naming;

    public ForeignKeyIndexes(NamingConvention naming) {
        this.naming = naming;
    }

    /**
     * {@code desired} with the missing foreign key indexes; {@code current} (the replayed migrations) supplies the
     * indexes already written by hand, {@code hints} finds a renamed table's current indexes under its old name.
     */
    public Schema addTo(Schema desired, Schema current, RenameHints hints) {
        return desired.withTables(desired.tables().stream()
                .map(t -> withForeignKeyIndexes(t, currentIndexes(t.name(), current, hints))).toList());
    }

    private Table withForeignKeyIndexes(Table table, List<Index> existing) {
        List<Index> indexes = new ArrayList<>(table.indexes());
        // the widest keys first: an index on (a, b) also serves a foreign key on (a)
        List<ForeignKey> widestFirst = table.foreignKeys().stream()
                .sorted(Comparator.comparingInt((ForeignKey fk) -> -fk.columns().size())).toList();
        for (ForeignKey fk : widestFirst) {
            if (covered(fk.columns(), table, indexes)) {
                continue;
            }
            indexes.add(existing.stream()
                    .filter(i -> !i.unique() && leads(i.columns(), fk.columns()) && fits(i, table, indexes)).findFirst()
                    .orElseGet(() -> new Index(freeName(naming.indexName(table.name(), fk.columns()), indexes),
                            fk.columns(), false)));
        }
        return indexes.size() == table.indexes().size() ? table : table.withIndexes(indexes);
    }

    private static boolean covered(List<String> columns, Table table, List<Index> indexes) {
        return leads(table.primaryKey().columns(), columns)
                || table.uniques().stream().anyMatch(u -> leads(u.columns(), columns))
                || indexes.stream().anyMatch(i -> leads(i.columns(), columns));
    }

    /** Whether {@code keyColumns} starts with exactly {@code columns}, in any order. */
    static boolean leads(List<String> keyColumns, List<String> columns) {
        return !columns.isEmpty() && keyColumns.size() >= columns.size()
                && Set.copyOf(keyColumns.subList(0, columns.size())).equals(Set.copyOf(columns));
    }

    /** A current index can be kept when the entities still have all its columns and no other index has its name. */
    private static boolean fits(Index index, Table table, List<Index> indexes) {
        return index.columns().stream().allMatch(c -> table.column(c).isPresent())
                && indexes.stream().noneMatch(i -> i.name().equalsIgnoreCase(index.name()));
    }

    /**
     * The table's indexes in the current schema: under its own name, the old name a declared rename gives, or the
     * same name in another case (the comparator renames those too).
     */
    private static List<Index> currentIndexes(String table, Schema current, RenameHints hints) {
        Optional<Table> same = current.table(table);
        if (same.isEmpty()) {
            same = hints.tables().entrySet().stream().filter(e -> e.getValue().equals(table)).map(Map.Entry::getKey)
                    .findFirst().flatMap(current::table);
        }
        if (same.isEmpty()) {
            same = current.tables().stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst();
        }
        return same.map(Table::indexes).orElse(List.of());
    }

    /** The convention's name within {@link #MAX_NAME_BYTES}, made distinct from the table's other indexes. */
    private static String freeName(String name, List<Index> indexes) {
        Set<String> taken = new HashSet<>();
        indexes.forEach(i -> taken.add(i.name().toLowerCase(java.util.Locale.ROOT)));
        String candidate = withinLimit(name);
        for (int n = 2; taken.contains(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = withinLimit(name + "_" + n);
        }
        return candidate;
    }

    /**
     * The name itself when it fits, else, as SQLAlchemy shortens names past a dialect's limit, its beginning
     * followed by {@code _} and four hex digits of the whole name's MD5: stable from run to run, and two long
     * names that share their beginning still differ.
     */
    static String withinLimit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_BYTES) {
            return name;
        }
        String hash = HexFormat.of().formatHex(md5(bytes)).substring(28);
        int keep = MAX_NAME_BYTES - 1 - hash.length();
        StringBuilder start = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > keep) {
                break;
            }
            start.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return start + "_" + hash;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
