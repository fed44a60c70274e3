package io.quarkiverse.flywayautogen.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The AND/OR structure of a normalised expression with only the parentheses it needs: PostgreSQL reads back
 * {@code low <= high AND (low >= 0 OR high IS NULL)} as {@code ((low <= high) AND ((low >= 0) OR (high IS NULL)))},
 * and both must compare equal. Each operand loses its wrapping parentheses; an OR inside an AND keeps them (AND binds
 * tighter). The {@code and} of a {@code between ... and ...} is part of its operand, never a split point.
 */
final class BooleanShape {

    private BooleanShape() {
    }

    static String canonical(String normalised) {
        String s = SqlText.stripOuterParentheses(normalised);
        List<String> ors = splitTopLevel(s, "or");
        if (ors.size() > 1) {
            return String.join(" or ", ors.stream().map(BooleanShape::canonical).toList());
        }
        List<String> ands = splitTopLevel(s, "and");
        if (ands.size() > 1) {
            return String.join(" and ", ands.stream().map(BooleanShape::canonical)
                    .map(operand -> splitTopLevel(operand, "or").size() > 1 ? "(" + operand + ")" : operand).toList());
        }
        return s;
    }

    /** The parts between the keyword at depth 0, outside literals; one part when it does not occur. */
    private static List<String> splitTopLevel(String s, String keyword) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean openBetween = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = SqlText.endOfQuoted(s, i, c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && isWordAt(s, i, "between")) {
                openBetween = true;
            } else if (depth == 0 && isWordAt(s, i, keyword)) {
                if (keyword.equals("and") && openBetween) {
                    openBetween = false;
                } else {
                    parts.add(s.substring(start, i).trim());
                    start = i + keyword.length();
                }
                i += keyword.length();
                continue;
            }
            i++;
        }
        parts.add(s.substring(start).trim());
        return parts.stream().anyMatch(String::isEmpty) ? List.of(s) : parts;
    }

    /** The word at {@code i}, delimited by the start or end, a space or a parenthesis on each side. */
    private static boolean isWordAt(String s, int i, String word) {
        if (!s.startsWith(word, i)) {
            return false;
        }
        char before = i == 0 ? ' ' : s.charAt(i - 1);
        int after = i + word.length();
        char next = after >= s.length() ? ' ' : s.charAt(after);
        return (before == ' ' || before == '(' || before == ')') && (next == ' ' || next == '(' || next == ')');
    }
}
