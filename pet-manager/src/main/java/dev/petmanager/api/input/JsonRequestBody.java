package dev.petmanager.api.input;

import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.petmanager.api.problem.ApiProblem;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request body is JSON only when it says so: a body without a {@code Content-Type} is not read as JSON by default,
 * and a JSON body in a charset other than UTF-8 (RFC 8259 allows only UTF-8 between systems) is not read as UTF-8
 * anyway. Both are a 415 problem before anything is read; bodies in any other media type are refused by the
 * resources' {@code @Consumes}. US-ASCII and ISO-8859-1, which many clients name by default, are taken: their ASCII
 * bytes are UTF-8 as they are, and any other byte fails {@link Utf8RequestBody}'s check with a 400 naming it.
 */
public class JsonRequestBody {

    private static final java.util.Set<String> READ_AS_UTF_8 = java.util.Set.of("utf-8", "utf8", "us-ascii",
            "iso-8859-1", "latin1");

    @ServerRequestFilter(preMatching = true)
    public void requireJsonContentType(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return;
        }
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            if (hasBody(request)) {
                throw ApiProblem.unsupportedMediaType("the request body has no Content-Type; send it as application/json"
                        + " (or application/merge-patch+json for PATCH)");
            }
            return;
        }
        String charset = charsetOf(type);
        if (charset != null && !READ_AS_UTF_8.contains(charset.toLowerCase(Locale.ROOT))) {
            throw ApiProblem.unsupportedMediaType("the request body's charset is " + charset + "; JSON is read as"
                    + " UTF-8 only (RFC 8259)");
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0") || request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** The charset parameter of a media type, unquoted; null when it has none. */
    static String charsetOf(String mediaType) {
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                return parameter.substring(equals + 1).trim().replace("\"", "");
            }
        }
        return null;
    }
}
