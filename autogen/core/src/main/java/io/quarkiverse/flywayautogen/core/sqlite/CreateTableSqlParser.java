package io.quarkiverse.flywayautogen.core.sqlite;

import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.SqlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads from a stored {@code CREATE TABLE} statement what SQLite's PRAGMAs do not report: CHECK constraints (with
 * their names when declared with {@code CONSTRAINT name}) and whether the key uses AUTOINCREMENT.
 */
final class CreateTableSqlParser {

    /** A table constraint declared {@code CONSTRAINT name PRIMARY KEY|UNIQUE|FOREIGN KEY (columns)}. */
    record NamedConstraint(String kind, String name, List<String> columns) {
    }

    private CreateTableSqlParser() {
    }

    /** Names of PRIMARY KEY / UNIQUE / FOREIGN KEY table constraints, which SQLite's PRAGMAs do not report. */
    static List<NamedConstraint> namedConstraints(String createTableSql) {
        List<NamedConstraint> result = new ArrayList<>();
        String sql = createTableSql;
        String upper = sql.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = SqlText.endOfQuoted(sql, i, c == '[' ? ']' : c);
                continue;
            }
            if (isWordAt(upper, i, "CONSTRAINT")) {
                int nameStart = skipSpaces(sql, i + "CONSTRAINT".length());
                int nameEnd = endOfIdentifier(sql, nameStart);
                String name = unquote(sql.substring(nameStart, nameEnd));
                int k = skipSpaces(sql, nameEnd);
                String kind = isWordAt(upper, k, "PRIMARY") ? "PRIMARY KEY" : isWordAt(upper, k, "UNIQUE") ? "UNIQUE"
                        : isWordAt(upper, k, "FOREIGN") ? "FOREIGN KEY" : null;
                int open = kind == null ? -1 : sql.indexOf('(', k);
                int close = open < 0 ? -1 : SqlText.matchingParenthesis(sql, open);
                if (close > open) {
                    List<String> cols = new ArrayList<>();
                    for (String col : sql.substring(open + 1, close).split(",")) {
                        cols.add(unquote(col.trim().split("\\s+")[0]));
                    }
                    result.add(new NamedConstraint(kind, name, cols));
                    i = close + 1;
                    continue;
                }
                i = nameEnd;
                continue;
            }
            i++;
        }
        return result;
    }

    static List<CheckConstraint> checks(String createTableSql) {
        List<CheckConstraint> checks = new ArrayList<>();
        String sql = createTableSql;
        String upper = sql.toUpperCase(Locale.ROOT);
        int i = 0;
        String pendingName = null;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.endOfQuoted(sql, i, c);
                continue;
            }
            if (c == '[') {
                i = SqlText.endOfQuoted(sql, i, ']');
                continue;
            }
            if (isWordAt(upper, i, "CONSTRAINT")) {
                int nameStart = skipSpaces(sql, i + "CONSTRAINT".length());
                int nameEnd = endOfIdentifier(sql, nameStart);
                pendingName = unquote(sql.substring(nameStart, nameEnd));
                i = nameEnd;
                continue;
            }
            if (isWordAt(upper, i, "CHECK")) {
                int open = skipSpaces(sql, i + "CHECK".length());
                int close = SqlText.matchingParenthesis(sql, open);
                if (open < sql.length() && sql.charAt(open) == '(' && close > open) {
                    String expression = SqlText.normaliseExpression(sql.substring(open + 1, close));
                    checks.add(new CheckConstraint(pendingName, expression));
                    pendingName = null;
                    i = close + 1;
                    continue;
                }
            }
            if (c == ',') {
                pendingName = null;
            }
            i++;
        }
        return checks;
    }

    private static boolean isWordAt(String upper, int i, String word) {
        if (!upper.startsWith(word, i)) {
            return false;
        }
        boolean startOk = i == 0 || !isIdentifierChar(upper.charAt(i - 1));
        int end = i + word.length();
        boolean endOk = end >= upper.length() || !isIdentifierChar(upper.charAt(end));
        return startOk && endOk;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int endOfIdentifier(String s, int start) {
        if (start >= s.length()) {
            return start;
        }
        char c = s.charAt(start);
        if (c == '"' || c == '`') {
            return SqlText.endOfQuoted(s, start, c);
        }
        if (c == '[') {
            return SqlText.endOfQuoted(s, start, ']');
        }
        int i = start;
        while (i < s.length() && isIdentifierChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String unquote(String identifier) {
        String s = identifier;
        if (s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`") || s.startsWith("["))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
