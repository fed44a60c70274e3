package io.quarkiverse.flywayautogen.core.render;

import java.util.List;

/**
 * A rendered migration file: its Flyway file name and its exact content; {@code following}: the scripts written
 * with it under the next versions (the safe rollout form's non-transactional script), empty as a rule.
 */
public record Script(String fileName, String content, List<Script> following) {

    public Script {
        following = List.copyOf(following);
    }

    public Script(String fileName, String content) {
        this(fileName, content, List.of());
    }

    /** This script and the ones following it, in the order Flyway runs them. */
    public List<Script> withFollowing() {
        List<Script> all = new java.util.ArrayList<>();
        all.add(this);
        following.forEach(f -> all.addAll(f.withFollowing()));
        return all;
    }
}
