package dev.petmanager.api.input;

import dev.petmanager.api.problem.ApiProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A request body must be UTF-8 (RFC 8259), checked strictly before Jackson reads it: Jackson decodes overlong forms
 * such as C0 AF ('/') and encoded surrogates without complaint, and guesses UTF-16 or UTF-32 from zero bytes. The
 * JDK's decoder refuses every ill-formed sequence; a zero byte is refused too, as JSON text never contains one. The
 * problem names the field whose value holds the bad byte when the body is readable up to it. Runs inside
 * {@link RequestSizeLimit} (a later priority), so the body read here is already capped.
 */
@Provider
@Priority(Priorities.USER + 100)
public class Utf8RequestBody implements ReaderInterceptor {

    private static final JsonFactory PREFIX_READER = new JsonFactory();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        int bad = firstInvalidByte(body);
        if (bad >= 0) {
            String field = fieldAt(body, bad);
            String detail = String.format("the request body is not UTF-8 text: byte 0x%02X at offset %d%s", body[bad],
                    bad, field == null ? "" : ", in the value of '" + field + "'");
            throw ApiProblem.malformedJson(detail, field, "is not UTF-8 text (byte offset " + bad + ")");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The offset of the first byte that is not part of well-formed UTF-8 JSON text, or -1. */
    static int firstInvalidByte(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return i;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(body.length), true);
        return result.isError() ? in.position() : -1;
    }

    /**
     * The top-level field whose value was being read when the text reached {@code offset}: the prefix before it is
     * well-formed, so a streaming parser reads it until it runs out. Null when the byte is not inside a value.
     */
    static String fieldAt(byte[] body, int offset) {
        String open = null;
        try (JsonParser parser = PREFIX_READER.createParser(body, 0, offset)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()) {
                    parser.finishToken(); // strings are read lazily; one cut short by the bad byte throws here
                }
                JsonStreamContext context = parser.getParsingContext();
                boolean topLevelObject = context.inObject() && context.getParent() != null && context.getParent().inRoot();
                if (topLevelObject) {
                    // A name opens a field; anything else at this level (a value, the end of a nested one) closes it.
                    open = token == JsonToken.FIELD_NAME ? parser.currentName() : null;
                }
            }
        } catch (IOException e) {
            // The prefix ends inside a value (or is not JSON at all): the field open at that point is the answer.
        }
        return open;
    }
}
