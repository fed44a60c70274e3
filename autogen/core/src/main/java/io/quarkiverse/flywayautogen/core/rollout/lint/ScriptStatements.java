package io.quarkiverse.flywayautogen.core.rollout.lint;

import io.quarkiverse.flywayautogen.core.rollout.Rule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration script as the lint reads it: its statements (comments removed, split on {@code ;} outside quotes,
 * whitespace folded, lower case) and its acknowledgements, comments of the form
 * {@code -- flyway-autogen:allow <rule> "<reason>"}.
 *
 * @param unknownAcknowledgements acknowledgements naming no rule, or giving no reason: reported, they allow nothing
 */
record ScriptStatements(List<String> statements, Map<Rule, String> acknowledged, List<String> unknownAcknowledgements) {

    private static final Pattern ALLOW = Pattern.compile("--\\s*flyway-autogen:allow\\s+([a-z0-9-]+)(?:\\s+\"([^\"]*)\")?");

    static ScriptStatements parse(String script) {
        Map<Rule, String> acknowledged = new EnumMap<>(Rule.class);
        List<String> unknown = new ArrayList<>();
        Matcher allow = ALLOW.matcher(script);
        while (allow.find()) {
            Optional<Rule> rule = Rule.byId(allow.group(1));
            String reason = allow.group(2) == null ? "" : allow.group(2).strip();
            if (rule.isEmpty() || reason.isEmpty()) {
                unknown.add(allow.group().strip() + (rule.isEmpty() ? " (no such rule)" : " (a reason in quotes is required)"));
            } else {
                acknowledged.put(rule.get(), reason);
            }
        }
        return new ScriptStatements(split(script), acknowledged, unknown);
    }

    private static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char ch = script.charAt(i);
            if (ch == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                current.append(' ');
                continue;
            }
            if (ch == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? script.length() : end + 2;
                current.append(' ');
                continue;
            }
            if (ch == '\'' || ch == '"') {
                int end = i + 1;
                while (end < script.length() && script.charAt(end) != ch) {
                    end++;
                }
                current.append(script, i, Math.min(end + 1, script.length()));
                i = end + 1;
                continue;
            }
            if (ch == ';') {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(ch);
            }
            i++;
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder text) {
        String folded = text.toString().replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        if (!folded.isEmpty()) {
            statements.add(folded);
        }
    }

    /** {@code "pets"}, {@code pets} or {@code public.pets} as the plain name {@code pets}. */
    static String name(String identifier) {
        String n = identifier.replace("\"", "").replace("`", "");
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }
}
