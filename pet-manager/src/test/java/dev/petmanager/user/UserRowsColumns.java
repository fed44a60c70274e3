package dev.petmanager.user;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** UserRows' column lists, for PetRowsMappingTest (UserRows is package-private). */
public final class UserRowsColumns {

    private UserRowsColumns() {
    }

    /** The columns UserRows sets and those it lists as the server's, together. */
    public static Set<String> listed() {
        return Stream.concat(UserRows.COLUMNS.stream().map(UserRows.Column::name), UserRows.SERVER_OWNED.stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** UserInput's fields that UserRows binds, plus the version. */
    public static Set<String> boundFields() {
        Set<String> bound = UserRows.COLUMNS.stream().map(UserRows.Column::field).collect(Collectors.toCollection(TreeSet::new));
        bound.add("version");
        return bound;
    }
}
