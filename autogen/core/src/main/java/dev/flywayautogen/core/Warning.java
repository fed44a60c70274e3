package dev.flywayautogen.core;

/**
 * Something the user should know about a comparison or a script, typed so that callers decide on the kind (the Dev
 * UI asks to confirm a possible rename) rather than on the wording.
 */
public record Warning(Kind kind, String text) {

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
        NOT_COMPARED
    }

    @Override
    public String toString() {
        return text;
    }
}
