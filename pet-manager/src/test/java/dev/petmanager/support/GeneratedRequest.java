package dev.petmanager.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request as bytes on the wire, with the parts a test needs to judge the answer. */
public record GeneratedRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public byte[] toBytes() {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("OPTIONS");
    }

    /** For a failure message: the request as sent, undecodable bytes escaped. */
    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return method + " " + path + " " + new LinkedHashMap<>(headers) + " " + text;
    }
}
