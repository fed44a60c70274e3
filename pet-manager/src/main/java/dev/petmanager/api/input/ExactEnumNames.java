package dev.petmanager.api.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * An enum value is its name as sent, in any case, and nothing around it: Jackson trims the text before looking the
 * name up, and {@code trim()} takes every character up to U+0020, so {@code "DOG "} and {@code "DOG\u0000"} were
 * stored as DOG — a client whose text was broken would never learn it.
 */
final class ExactEnumNames extends DelegatingDeserializer {

    ExactEnumNames(JsonDeserializer<?> names) {
        super(names);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> names) {
        return new ExactEnumNames(names);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText();
            if (!text.equals(text.trim()) || !text.equals(text.strip())) {
                return ctxt.handleWeirdStringValue(handledType(), text, "spaces or control characters around a name");
            }
        }
        return super.deserialize(p, ctxt);
    }
}
