package dev.petmanager.api.input;

import dev.petmanager.api.problem.InvalidTextException;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Reads a JSON string and refuses one with an unpaired UTF-16 surrogate (a lone {@code "\ud800"} escape): no UTF-8
 * text can hold it, so the SQLite driver would store '?' while the answer echoed the escape back.
 */
class WellFormedTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        int at = text == null ? -1 : unpairedSurrogateAt(text);
        if (at >= 0) {
            throw new InvalidTextException(p, String.format("contains an unpaired UTF-16 surrogate (\\u%04x) at"
                    + " character %d; a character outside the Basic Multilingual Plane is sent as a surrogate pair",
                    (int) text.charAt(at), at));
        }
        return text;
    }

    /** The index of the first surrogate that is not half of a high-low pair, or -1. */
    static int unpairedSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
