package dev.petmanager.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Sends exactly the bytes a test wants over a plain socket: HTTP clients refuse to write a request line of 5,000
 * bytes, a header without a colon, a percent sign that escapes nothing, or a body they stop sending halfway. Each
 * request line is followed by the test admin's bearer token unless the request has its own Authorization header, or
 * is sent with {@link #exchangeAnonymously}.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** A response as it came off the wire; header names lower-cased. */
    public record Reply(String statusLine, int status, Map<String, String> headers, String body) {
        public JsonPath json() {
            return new JsonPath(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code request} as it is and reads the one response (the server may close the connection after it). */
    public static Reply exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Reply exchange(byte[] request) throws IOException {
        return exchangeAnonymously(withAdminToken(request));
    }

    /** As {@link #exchange(byte[])}, without adding a token. */
    public static Reply exchangeAnonymously(byte[] request) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends pipelined requests on one connection and reads {@code count} responses. */
    public static java.util.List<Reply> exchangeAll(byte[] requests, int count) throws IOException {
        try (Socket socket = open()) {
            socket.getOutputStream().write(withAdminToken(requests));
            socket.getOutputStream().flush();
            java.util.List<Reply> replies = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                replies.add(read(socket.getInputStream()));
            }
            return replies;
        }
    }

    /**
     * Sends {@code head} and then body bytes ({@code chunk} repeated, up to {@code limit} bytes) until the server
     * answers or stops taking them; returns the answer and how many body bytes were written.
     */
    public static Streamed streamUntilAnswered(String head, byte[] chunk, long limit) throws Exception {
        try (Socket socket = open()) {
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(socket.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(withAdminToken(head.getBytes(StandardCharsets.ISO_8859_1)));
            long written = 0;
            try {
                while (written < limit && !reply.isDone()) {
                    out.write(chunk);
                    written += chunk.length;
                }
            } catch (IOException closedByServer) {
                // The server answered and closed the connection: exactly what a test of an early answer wants.
            }
            return new Streamed(reply.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), written);
        }
    }

    public record Streamed(Reply reply, long bodyBytesWritten) {
    }

    /** The admin's Authorization header after each request line, unless the requests carry their own. */
    static byte[] withAdminToken(byte[] requests) {
        String text = new String(requests, StandardCharsets.ISO_8859_1);
        if (text.toLowerCase(Locale.ROOT).contains("\r\nauthorization:")) {
            return requests;
        }
        return text.replace(" HTTP/1.1\r\n", " HTTP/1.1\r\nAuthorization: Bearer " + TestIssuer.adminToken() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Socket open() throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        Socket socket = new Socket(base.getHost(), RestAssured.port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == ('\r' << 24 | '\n' << 16 | '\r' << 8 | '\n')) {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            throw new IOException("the server closed the connection without answering");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Reply(lines[0], Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }
}
