package dev.petmanager.api.paging;

import dev.petmanager.api.problem.ApiProblem;

/**
 * The version a client expects to update, from the body's {@code version} or an {@code If-Match} header. Checking
 * it up front turns a stale write into a clear 409; {@code @Version} still guards the race between check and commit.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    public static void check(String what, long id, long actual, Long fromBody, String ifMatch) {
        Long expected = fromBody != null ? fromBody : parseIfMatch(ifMatch);
        if (expected != null && expected != actual) {
            throw ApiProblem.staleVersion(what, id, expected, actual);
        }
    }

    /**
     * The version the client expects: the body's, else the {@code If-Match} header's; null when it names none (any
     * version). For a write that makes the version a condition of its statement instead of comparing after a read.
     */
    public static Long expected(Long fromBody, String ifMatch) {
        return fromBody != null ? fromBody : parseIfMatch(ifMatch);
    }

    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match must be a version ETag such as \"3\", got " + ifMatch);
        }
    }
}
