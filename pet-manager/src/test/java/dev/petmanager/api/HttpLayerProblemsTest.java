package dev.petmanager.api;

import static dev.petmanager.api.WriteFingerprint.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.Db;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.RawHttp;
import dev.petmanager.support.RawHttp.Reply;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Errors the HTTP server answers itself, below the REST layer, are problem+json too: its decoder's limits and
 * parse failures, Quarkus' URI check, the router's own failures, and a body over the limit — answered before the
 * body is read. Sent over a plain socket, since HTTP clients refuse to send most of these requests.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HttpLayerProblemsTest {

    private static final int LIMIT = 64 * 1024;
    private static final long TWENTY_MB = 20L * 1024 * 1024;

    @Test
    void requestLineOverTheLimitIs414Problem() throws Exception {
        Reply reply = RawHttp.exchange("GET /users?name=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertProblem(reply, 414, "4096");
        assertEquals("close", reply.header("Connection"));
    }

    @Test
    void headersOverTheLimitAre431Problem() throws Exception {
        Reply reply = RawHttp.exchange("GET /users HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(30_000) + "\r\n\r\n");
        assertProblem(reply, 431, "larger than");
        assertEquals("close", reply.header("Connection"));
    }

    @Test
    void requestsThatAreNotHttpAre400Problems() throws Exception {
        Map<String, Object> before = fingerprint();
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /pets/1 2 HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /users HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                "POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n{}")) {
            assertProblem(RawHttp.exchange(request), 400, "not a valid HTTP/1.1 request");
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void targetsThatAreNotUrisAre400Problems() throws Exception {
        long user = Api.createUser("Target", Api.uniqueEmail("target"));
        Map<String, Object> before = fingerprint();
        for (String target : List.of("/pets/%zz", "/pets/%", "/users/" + user + "%", "/users/{1}", "/users?sort=%G1",
                "/users/" + user + "|x")) {
            assertProblem(RawHttp.exchange("DELETE " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "not a valid URI");
        }
        assertEquals(before, fingerprint());
        assertEquals(1, Db.count("SELECT count(*) FROM users WHERE id = ?", user));
    }

    @Test
    void failuresOfTheRouterAreProblems() throws Exception {
        Reply noHost = RawHttp.exchange("GET /users HTTP/1.1\r\n\r\n");
        assertProblem(noHost, 400, "Host");
        assertEquals("/users", noHost.json().getString("instance"));
        assertProblem(RawHttp.exchange("GET users HTTP/1.1\r\nHost: x\r\n\r\n"), 404, "no resource");
        assertProblem(RawHttp.exchange("GET * HTTP/1.1\r\nHost: x\r\n\r\n"), 404, "no resource");
    }

    @Test
    void declaredBodyOver20MBIs413BeforeAByteOfItIsSent() throws Exception {
        Map<String, Object> before = fingerprint();
        for (String path : List.of("/users", "/pets", "/q/health")) {
            // Only the head goes out: the answer must not wait for a body.
            Reply reply = RawHttp.exchange("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + TWENTY_MB + "\r\n\r\n");
            assertProblem(reply, 413, String.valueOf(LIMIT));
            assertEquals(path, reply.json().getString("instance"));
            assertEquals("close", reply.header("Connection"));
        }
        assertEquals(before, fingerprint());
    }

    @Test
    void chunkedBodyOf20MBIs413WithoutBeingReadToTheEnd() throws Exception {
        for (String method : List.of("POST /users", "PATCH /users/" + Api.createUser("Big", Api.uniqueEmail("big")))) {
            Map<String, Object> before = fingerprint();
            String type = method.startsWith("PATCH") ? Problems.MERGE_PATCH : "application/json";
            byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            RawHttp.Streamed streamed = RawHttp.streamUntilAnswered(method + " HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + type + "\r\nTransfer-Encoding: chunked\r\n\r\n", chunk, TWENTY_MB);
            assertProblem(streamed.reply(), 413, String.valueOf(LIMIT));
            assertEquals("close", streamed.reply().header("Connection"));
            assertTrue(streamed.bodyBytesWritten() < TWENTY_MB, "the server took all " + streamed.bodyBytesWritten()
                    + " bytes instead of answering and closing");
            assertEquals(before, fingerprint());
        }
    }

    @Test
    void ordinaryErrorsKeepTheConnectionOpen() throws Exception {
        // Closing is for answers given before the body arrived; a validation error after reading it all is not one.
        String body = "{\"name\":\"\",\"email\":\"not-an-email\"}";
        byte[] twoRequests = ("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body + "GET /users/0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Reply> replies = RawHttp.exchangeAll(twoRequests, 2);
        assertProblem(replies.get(0), 400, "email");
        assertProblem(replies.get(1), 404, "");
    }

    /** A problem+json reply: RFC 9457 members, the status in the body equal to the HTTP one, a telling detail. */
    private static void assertProblem(Reply reply, int status, String detailContains) {
        assertEquals(status, reply.status(), reply.statusLine() + " " + reply.body());
        assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json"), reply.headers().toString());
        JsonPath problem = reply.json();
        assertEquals("about:blank", problem.getString("type"), reply.body());
        assertEquals(status, problem.getInt("status"), reply.body());
        assertTrue(!problem.getString("title").isBlank(), reply.body());
        assertTrue(problem.getString("detail").contains(detailContains), reply.body());
    }
}
