package dev.petmanager.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string the API refuses as sent. Its message is written for the client: Jackson's own messages name Java
 * types, and echoing the value back could repeat the very character that was refused.
 */
public class InvalidTextException extends InvalidFormatException {

    public InvalidTextException(JsonParser parser, String reason) {
        super(parser, reason, null, String.class);
    }
}
