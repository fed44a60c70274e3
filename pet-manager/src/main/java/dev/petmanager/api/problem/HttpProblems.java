package dev.petmanager.api.problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes an RFC 9457 body from below the REST layer, where no exception mapper runs: the same members as
 * {@link Problem}, built without Jackson's data binding because some callers run before the application is up.
 */
final class HttpProblems {

    private HttpProblems() {
    }

    /** @param instance the request path, or null when the request could not be parsed far enough to know it */
    static void send(HttpServerResponse response, int status, String title, String detail, String instance) {
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
