package io.quarkiverse.flywayautogen.core.selfcheck;

/**
 * Telling a sample's own failure from the schema's: a made-up value a constraint refuses is the sample at fault
 * ("self-check could not build a sample for X", a warning); anything else is the schema's and refuses the script.
 */
final class SampleFailures {

    private SampleFailures() {
    }

    /** The one wording of every sample the self-check could not build: an entity, a table, a script's rows. */
    static String cannotBuild(String what, String why) {
        return "self-check could not build a sample for " + what + ": " + why;
    }

    /**
     * A CHECK or unique constraint rejected the sample's values: SQLSTATE 23514 or 23505 (PostgreSQL), the
     * constraint's text (SQLite). The values are made up; the constraint is the schema doing its work.
     */
    static boolean violatesSampleValue(Throwable e) {
        if (breaksForeignKeys(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("23514".equals(sql.getSQLState()) || "23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("CHECK constraint failed")
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed")
                    || mariaDbCheckOrUnique(sql))) {
                return true;
            }
        }
        return false;
    }

    /** MariaDB says both with SQLSTATE 23000 (error 4025 for a CHECK, 1062 for a duplicate), as it does for a foreign key. */
    private static boolean mariaDbCheckOrUnique(java.sql.SQLException sql) {
        return "23000".equals(sql.getSQLState()) && (sql.getErrorCode() == 4025 || sql.getErrorCode() == 1062);
    }

    /**
     * A check that names foreign keys failed: the sample rows follow every foreign key, so a script that leaves rows
     * without their parent (SQLite's rebuild proves it with a CHECK named "foreign keys hold" over
     * {@code pragma_foreign_key_check}) is the script's fault, never the sample's.
     */
    private static boolean breaksForeignKeys(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("foreign key")) {
                return true;
            }
        }
        return false;
    }

    /** Hibernate or the database refused a null: for a row that is its own parent, the insert came before its id. */
    static boolean leftANullBehind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.PropertyValueException || t instanceof java.sql.SQLException sql
                    && ("23502".equals(sql.getSQLState()) || String.valueOf(sql.getMessage()).contains("NOT NULL constraint failed"))) {
                return true;
            }
        }
        return false;
    }

}
