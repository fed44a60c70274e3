package io.quarkiverse.flywayautogen.core;

import java.util.Optional;

/**
 * Something the user should know about a comparison or a script, typed so that callers decide on the kind (the Dev
 * UI asks to confirm a possible rename) rather than on the wording. What to do about it depends on where the user
 * is (a CLI flag, a configuration key), so the text leaves that out and {@link #advice(Remedies)} adds it.
 *
 * @param rename for a {@link Kind#POSSIBLE_RENAME}: the rename in the {@code table.old=new} / {@code old=new}
 *               syntax that {@code --rename} and {@code quarkus.flyway-autogen.renames} take
 */
public record Warning(Kind kind, String text, Optional<String> rename) {

    public enum Kind {
        /** A dropped and an added table or column that look alike: a rename only when declared. */
        POSSIBLE_RENAME,
        /** A declared rename that does not apply to the current schema. */
        RENAME_HINT_IGNORED,
        /** A destructive operation left out because it was not allowed. */
        DESTRUCTIVE_SKIPPED,
        /** A column made NOT NULL with nothing to fill existing NULLs: the script fails if a row holds one. */
        FAILS_ON_EXISTING_NULLS,
        /** Something in the current schema the model does not hold (an expression or partial index): left as it is. */
        NOT_COMPARED,
        /** The self-check could not build a sample for an entity or table: that part was not proved, nothing refused. */
        SAMPLE_NOT_BUILT,
        /** The self-check ran the previous release's selects and inserts against the new schema and one failed. */
        PREVIOUS_RELEASE_FAILS,
        /** Safe rollout kept a dropped table or column for the previous release; the contract step drops it. */
        DROP_DEFERRED
    }

    /**
     * How a front end lets the user act on a warning.
     *
     * @param declareRename    a format with one {@code %s} for the rename, e.g. {@code "pass --rename %s"}
     * @param allowDestructive how to let destructive operations through, e.g. {@code "--allow-destructive"}
     */
    public record Remedies(String declareRename, String allowDestructive) {
        /** For text that is read outside any front end: a generated script's header. */
        public static final Remedies NEUTRAL = new Remedies("declare the rename %s", "allowing destructive changes");
    }

    public Warning(Kind kind, String text) {
        this(kind, text, Optional.empty());
    }

    public static Warning possibleRename(String text, String rename) {
        return new Warning(Kind.POSSIBLE_RENAME, text, Optional.of(rename));
    }

    /** The text with what to do about it, in the front end's terms. */
    public String advice(Remedies remedies) {
        return switch (kind) {
            case POSSIBLE_RENAME -> rename.map(r -> text + " or " + remedies.declareRename().formatted(r)).orElse(text);
            case DESTRUCTIVE_SKIPPED -> text + " (allow it with " + remedies.allowDestructive() + ")";
            default -> text;
        };
    }

    @Override
    public String toString() {
        return advice(Remedies.NEUTRAL);
    }
}
