package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Rule;
import io.quarkiverse.flywayautogen.core.rollout.lint.StatementRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's locking statements as the lint recognises them in any script: an index built without
 * {@code CONCURRENTLY}, a unique or primary key constraint built with its index, a foreign key or CHECK added
 * without {@code NOT VALID}, a column type change, {@code SET NOT NULL}; and the constraints existing rows decide.
 */
final class PostgresStatementRules implements StatementRules {

    private static final String ID = "((?:\"[^\"]+\"\\.|[a-z0-9_$]+\\.)?(?:\"[^\"]+\"|[a-z0-9_$]+))";
    private static final Pattern INDEX = Pattern.compile("^create (unique )?index (concurrently )?(?:if not exists )?(?:"
            + ID + " )?on (?:only )?" + ID);
    private static final Pattern ALTER = Pattern.compile("^alter table (?:only )?(?:if exists )?" + ID + " (.*)$");
    private static final Pattern ALTER_TYPE = Pattern.compile("alter (?:column )?" + ID + " (?:set data )?type ");

    @Override
    public List<RolloutFinding> findings(String statement, Set<String> createdHere) {
        List<RolloutFinding> findings = new ArrayList<>();
        Matcher index = INDEX.matcher(statement);
        if (index.find()) {
            String table = name(index.group(4));
            if (!createdHere.contains(table)) {
                if (index.group(2) == null) {
                    findings.add(new RolloutFinding(Rule.LOCKING_INDEX_BUILD, "CREATE INDEX on " + table
                            + " without CONCURRENTLY blocks its writes while every row is read"));
                }
                if (index.group(1) != null) {
                    findings.add(new RolloutFinding(Rule.UNIQUE_ON_EXISTING_ROWS, "fails if rows of " + table + " repeat the key"));
                }
            }
            return findings;
        }
        Matcher alter = ALTER.matcher(statement);
        if (!alter.find() || createdHere.contains(name(alter.group(1)))) {
            return findings;
        }
        String table = name(alter.group(1));
        String action = alter.group(2);
        boolean notValid = action.contains(" not valid");
        if (action.contains("foreign key") && action.contains("add ") && !notValid) {
            findings.add(new RolloutFinding(Rule.LOCKING_FOREIGN_KEY_VALIDATION, "a foreign key added to " + table
                    + " without NOT VALID is validated under lock, scanning every row"));
            findings.add(new RolloutFinding(Rule.FOREIGN_KEY_ON_EXISTING_ROWS, "fails if a row of " + table + " has no parent"));
        }
        if (action.matches("^add (constraint \\S+ )?check.*") && !notValid) {
            findings.add(new RolloutFinding(Rule.LOCKING_CHECK_VALIDATION, "a CHECK added to " + table
                    + " without NOT VALID is validated under ACCESS EXCLUSIVE, scanning every row"));
            findings.add(new RolloutFinding(Rule.CHECK_ON_EXISTING_ROWS, "fails if a row of " + table + " breaks it"));
        }
        if (action.matches("^add (constraint \\S+ )?(unique|primary key).*") && !action.contains("using index")) {
            findings.add(new RolloutFinding(Rule.LOCKING_INDEX_BUILD, "the constraint's index on " + table
                    + " is built under lock (CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX, is not)"));
            findings.add(new RolloutFinding(Rule.UNIQUE_ON_EXISTING_ROWS, "fails if rows of " + table + " repeat the key"));
        }
        Matcher type = ALTER_TYPE.matcher(action);
        if (type.find()) {
            findings.add(new RolloutFinding(Rule.LOCKING_TYPE_REWRITE, "changing the type of " + table + "." + name(type.group(1))
                    + " rewrites the table under ACCESS EXCLUSIVE unless the types are binary-compatible"));
        }
        if (action.contains("set not null")) {
            findings.add(new RolloutFinding(Rule.LOCKING_NOT_NULL_SCAN, "SET NOT NULL on " + table
                    + " scans every row under ACCESS EXCLUSIVE unless a validated CHECK (x IS NOT NULL) exists"));
            findings.add(new RolloutFinding(Rule.NOT_NULL_ON_EXISTING_ROWS, "fails if a row of " + table + " holds NULL"));
        }
        return findings;
    }

    private static String name(String identifier) {
        String n = identifier.replace("\"", "");
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }
}
