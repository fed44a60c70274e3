package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.model.SqlText;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what PostgreSQL does to the expressions it stores, so they compare with what Hibernate declared:
 * {@code pg_get_expr} adds casts ({@code 'x'::character varying}, {@code (status)::text}), parentheses, and
 * rewrites {@code x in ('A','B')} into {@code x = ANY (ARRAY['A','B'])} and {@code x between 0 and 4} into
 * {@code (x >= 0) AND (x <= 4)}. A number compared with a column of another numeric type gets a cast too:
 * {@code weight_kg>=0} on a {@code double precision} column reads back {@code ((weight_kg >= (0)::double precision))}
 * and {@code d >= -1.5} as {@code (d >= ('-1.5'::numeric)::double precision)}; both come back as the bare number.
 */
final class PostgresExpressions {

    private static final String TYPE_NAME = "(?:character varying|double precision|bit varying"
            + "|timestamp(?:\\(\\d+\\))? with(?:out)? time zone|time(?:\\(\\d+\\))? with(?:out)? time zone"
            + "|\"[^\"]+\"|[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*";
    private static final Pattern CAST = Pattern.compile("::" + TYPE_NAME);
    private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?";
    /** {@code (status)::text}, {@code (0)::double precision}: the parentheses PostgreSQL puts around a cast operand. */
    private static final Pattern CAST_COLUMN = Pattern.compile(
            "(?<![A-Za-z0-9_])\\(([a-z_][a-z0-9_]*|\"[^\"]+\"|" + NUMBER + ")\\)(?=::)");
    /** {@code '-1.5'::numeric}: a negative or decimal constant PostgreSQL keeps as a quoted literal with a cast. */
    private static final Pattern CAST_NUMBER_LITERAL = Pattern.compile("(?<!')'(" + NUMBER + ")'" + CAST.pattern());
    private static final Pattern ANY_ARRAY = Pattern.compile(
            "([a-z_][a-z0-9_]*|\"[^\"]+\") (=|<>) (ANY|ALL) \\((\\()?ARRAY\\[([^\\]]*)\\]\\)?\\)");
    private static final Pattern BETWEEN = Pattern.compile(
            "\\(([a-z_][a-z0-9_]*|\"[^\"]+\") >= (-?[0-9.]+)\\) AND \\(\\1 <= (-?[0-9.]+)\\)");

    private PostgresExpressions() {
    }

    /** A default as the model keeps it; {@code nextval(...)} of a serial column is no declared default. */
    static String normaliseDefault(String raw) {
        if (raw == null || raw.startsWith("nextval(")) {
            return null;
        }
        return SqlText.normaliseDefault(stripCasts(raw));
    }

    static String normaliseCheck(String raw) {
        String s = SqlText.stripOuterParentheses(stripCasts(raw));
        s = replaceAll(ANY_ARRAY, s, m -> m.group(1) + (m.group(2).equals("=") ? " in (" : " not in (") + m.group(5) + ")");
        s = replaceAll(BETWEEN, SqlText.stripOuterParentheses(s), m -> m.group(1) + " between " + m.group(2) + " and " + m.group(3));
        return SqlText.normaliseExpression(s);
    }

    /** Casts outside string literals removed; {@code (col)::type} becomes {@code col}. */
    static String stripCasts(String quoted) {
        String raw = CAST_NUMBER_LITERAL.matcher(quoted).replaceAll("$1");
        StringBuilder out = new StringBuilder();
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\'') {
                out.append(clean(code.toString()));
                code.setLength(0);
                int end = SqlText.endOfQuoted(raw, i, '\'');
                out.append(raw, i, end);
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        out.append(clean(code.toString()));
        return out.toString();
    }

    private static String clean(String code) {
        return CAST.matcher(CAST_COLUMN.matcher(code).replaceAll("$1")).replaceAll("");
    }

    private static String replaceAll(Pattern p, String s, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
