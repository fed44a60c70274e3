package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.rollout.RolloutFinding;
import io.quarkiverse.flywayautogen.core.rollout.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement rules of every database: drops and renames of what the previous release maps, a NOT NULL column
 * added without a default, a column made NOT NULL. Statements are lower case, whitespace folded.
 */
final class SharedStatementRules implements StatementRules {

    static final String ID = "((?:\"[^\"]+\"\\.|[a-z0-9_$]+\\.)?(?:\"[^\"]+\"|`[^`]+`|[a-z0-9_$]+))";
    private static final Pattern ALTER = Pattern.compile("^alter table (?:only )?(?:if exists )?" + ID + " (.*)$");
    private static final Pattern DROP_TABLE = Pattern.compile("^drop table (?:if exists )?" + ID);
    private static final Pattern DROP_COLUMN = Pattern.compile("drop (?:column )?(?:if exists )?" + ID);
    private static final Pattern RENAME_COLUMN = Pattern.compile("rename (?:column )?" + ID + " to " + ID);
    private static final Pattern RENAME_TABLE = Pattern.compile("^rename to " + ID);
    private static final Pattern ADD_COLUMN = Pattern.compile("^add (?:column )?(?:if not exists )?" + ID + " (.*)$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("alter (?:column )?" + ID + " set not null");

    @Override
    public List<RolloutFinding> findings(String statement, Set<String> createdHere) {
        List<RolloutFinding> findings = new ArrayList<>();
        Matcher dropTable = DROP_TABLE.matcher(statement);
        if (dropTable.find()) {
            String table = ScriptStatements.name(dropTable.group(1));
            if (!createdHere.contains(table)) {
                findings.add(new RolloutFinding(Rule.DROP_MAPPED_TABLE, "drops " + table + ", which the previous release uses"));
            }
            return findings;
        }
        Matcher alter = ALTER.matcher(statement);
        if (!alter.find()) {
            return findings;
        }
        String table = ScriptStatements.name(alter.group(1));
        String action = alter.group(2);
        if (createdHere.contains(table)) {
            return findings;
        }
        if (action.startsWith("drop ") && !action.startsWith("drop constraint") && !action.startsWith("drop default")
                && !action.startsWith("drop index")) {
            Matcher column = DROP_COLUMN.matcher(action);
            if (column.find()) {
                findings.add(new RolloutFinding(Rule.DROP_MAPPED_COLUMN, "drops " + table + "."
                        + ScriptStatements.name(column.group(1)) + ", which the previous release uses"));
            }
        }
        Matcher renameTable = RENAME_TABLE.matcher(action);
        if (renameTable.find()) {
            findings.add(new RolloutFinding(Rule.RENAME, "renames " + table + " to "
                    + ScriptStatements.name(renameTable.group(1)) + "; the previous release uses the old name"));
        } else {
            Matcher renameColumn = RENAME_COLUMN.matcher(action);
            if (renameColumn.find() && !action.startsWith("rename constraint")) {
                findings.add(new RolloutFinding(Rule.RENAME, "renames " + table + "." + ScriptStatements.name(renameColumn.group(1))
                        + " to " + ScriptStatements.name(renameColumn.group(2)) + "; the previous release uses the old name"));
            }
        }
        Matcher addColumn = ADD_COLUMN.matcher(action);
        if (addColumn.find() && !action.startsWith("add constraint") && addColumn.group(2).contains("not null")
                && !addColumn.group(2).contains("default") && !addColumn.group(2).contains("generated")) {
            findings.add(new RolloutFinding(Rule.NOT_NULL_WITHOUT_DEFAULT, "adds " + table + "."
                    + ScriptStatements.name(addColumn.group(1)) + " NOT NULL without a default; the previous release leaves it out"));
        }
        Matcher setNotNull = SET_NOT_NULL.matcher(action);
        while (setNotNull.find()) {
            findings.add(new RolloutFinding(Rule.NOT_NULL_TIGHTENING, "makes " + table + "."
                    + ScriptStatements.name(setNotNull.group(1)) + " NOT NULL; the previous release may write NULL"));
        }
        return findings;
    }
}
