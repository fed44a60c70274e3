package io.quarkiverse.flywayautogen.core.model;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Normalisation of SQL fragments, applied by the readers so that equal things compare equal: {@code (10)}, {@code 10}
 * and {@code '10'} are one default; {@code CHECK ( "a" >  0 )} and {@code check (a>0)} are one check.
 */
public final class SqlText {

    private static final String PUNCTUATION = "(),=<>!+-*/|%";

    private SqlText() {
    }

    /** Canonical form of a column default, or null when there is no (or a NULL) default. */
    public static String normaliseDefault(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = stripOuterParentheses(raw.trim());
        String upper = s.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "NULL":
                return null;
            case "TRUE":
                return "1";
            case "FALSE":
                return "0";
            case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME":
                return upper;
            default:
                break;
        }
        if (isSingleStringLiteral(s)) {
            String content = s.substring(1, s.length() - 1).replace("''", "'");
            String number = canonicalNumber(content);
            return number != null ? number : quote(content);
        }
        String number = canonicalNumber(s);
        return number != null ? number : normaliseExpression(s);
    }

    /**
     * Lower-cases outside string literals, unquotes identifiers, collapses whitespace, drops outer parentheses and
     * those AND/OR do not need ({@link BooleanShape}).
     */
    public static String normaliseExpression(String raw) {
        StringBuilder out = new StringBuilder();
        String s = raw.trim();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = endOfQuoted(s, i, '\'');
                out.append(s, i, end);
                i = end;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = endOfQuoted(s, i, close);
                out.append(s.substring(i + 1, end - 1).toLowerCase(Locale.ROOT));
                i = end;
            } else if (Character.isWhitespace(c)) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                char prev = out.length() == 0 ? '(' : out.charAt(out.length() - 1);
                char next = i < s.length() ? s.charAt(i) : ')';
                if (PUNCTUATION.indexOf(prev) < 0 && PUNCTUATION.indexOf(next) < 0) {
                    out.append(' ');
                }
            } else {
                out.append(Character.toLowerCase(c));
                i++;
            }
        }
        return BooleanShape.canonical(out.toString());
    }

    /** Removes parentheses that wrap the whole text, e.g. {@code ((a>0))} becomes {@code a>0}. */
    public static String stripOuterParentheses(String s) {
        String t = s.trim();
        while (t.startsWith("(") && matchingParenthesis(t, 0) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 when unbalanced. */
    public static int matchingParenthesis(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(s, i, c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    /** Index just after the quoted run starting at {@code start}; doubled quote characters are escapes. */
    public static int endOfQuoted(String s, int start, char close) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == close) {
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean isSingleStringLiteral(String s) {
        return s.length() >= 2 && s.charAt(0) == '\'' && endOfQuoted(s, 0, '\'') == s.length();
    }

    private static String canonicalNumber(String s) {
        String t = s.trim();
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
