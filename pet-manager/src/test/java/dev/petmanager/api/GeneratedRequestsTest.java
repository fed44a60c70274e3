package dev.petmanager.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.petmanager.support.Api;
import dev.petmanager.support.FreshDatabase;
import dev.petmanager.support.GeneratedRequest;
import dev.petmanager.support.RawHttp;
import dev.petmanager.support.RequestGenerator;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A few hundred generated requests (bodies, paths, headers; see {@link RequestGenerator}) over a raw socket, each held
 * to three rules: never a 5xx; every 4xx is problem+json whose status is the response's; and what a 2xx write
 * acknowledged is what a later read returns (a refused write leaves the resource as it was). The seed is printed;
 * {@code -Dfuzz.seed=<n>} replays a run, {@code -Dfuzz.requests=<n>} changes its length.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GeneratedRequestsTest {

    private static final long DEFAULT_SEED = 20261202L;
    private static final Pattern CANONICAL_ID = Pattern.compile("^/\\w+/([1-9][0-9]{0,17})(?:[/?].*)?$");

    /** The last acknowledged state of each resource this test knows, by kind ("users", "pets") and id. */
    private final Map<String, Map<Long, Map<String, Object>>> acknowledged = Map.of("users", new TreeMap<>(),
            "pets", new TreeMap<>());

    @Test
    void generatedRequestsNeverFailTheServerAndWritesAreStoredAsAcknowledged() throws IOException {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.requests", 300);
        System.out.println("GeneratedRequestsTest: seed " + seed + ", " + count + " requests (-Dfuzz.seed=" + seed
                + " replays this run)");
        for (int i = 0; i < 3; i++) {
            remember("users", read("/users/" + Api.createUser("Seed " + i, Api.uniqueEmail("seed"))));
        }
        remember("users", read("/users/" + Api.createUser("Dup", "dup@example.com")));
        for (int i = 0; i < 4; i++) {
            long owner = ids("users").get(i % 3);
            remember("pets", read("/pets/" + Api.createPet("Seed pet " + i, "CAT", owner)));
        }

        RequestGenerator generator = new RequestGenerator(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            GeneratedRequest request = generator.next(ids("users"), ids("pets"), versions("users"), versions("pets"));
            RawHttp.Reply reply = RawHttp.exchange(request.toBytes());
            String context = "request " + i + " of seed " + seed + ": " + request + "\n-> " + reply.statusLine() + " "
                    + reply.body();
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() >= 500) {
                fail("a 5xx answer; " + context);
            }
            if (reply.status() >= 400) {
                assertProblem(reply, context);
            }
            if (request.writes()) {
                checkStored(request, reply, context);
            }
        }
        System.out.println("GeneratedRequestsTest: statuses " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 200 && s < 300), "some requests succeeded");
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), "some requests were refused");
    }

    private static void assertProblem(RawHttp.Reply reply, String context) {
        String type = String.valueOf(reply.header("content-type"));
        assertTrue(type.startsWith("application/problem+json"), "a 4xx without problem+json; " + context);
        JsonPath problem = reply.json();
        assertEquals(reply.status(), problem.getInt("status"), context);
        assertTrue(!String.valueOf(problem.getString("title")).isBlank(), "a problem without title; " + context);
    }

    /** After a write: a 2xx is what a read returns now; a refusal changed nothing this test knows of. */
    private void checkStored(GeneratedRequest request, RawHttp.Reply reply, String context) {
        String kind = request.path().startsWith("/pets") ? "pets" : "users";
        boolean success = reply.status() >= 200 && reply.status() < 300;
        if (success && reply.status() != 204) {
            Map<String, Object> ack = reply.json().getMap("$");
            long id = ((Number) ack.get("id")).longValue();
            assertEquals(ack, read("/" + kind + "/" + id), "stored differs from acknowledged; " + context);
            remember(kind, ack);
        } else if (success) {
            Long id = idIn(request.path());
            assertTrue(id != null, "a 2xx DELETE on a path that is no canonical id; " + context);
            given().get("/" + kind + "/" + id).then().statusCode(404);
            acknowledged.get(kind).remove(id);
            if (kind.equals("users")) { // ?cascade=true took the user's pets along
                List<Long> owned = acknowledged.get("pets").entrySet().stream()
                        .filter(pet -> ((Number) pet.getValue().get("ownerId")).longValue() == id).map(Map.Entry::getKey).toList();
                owned.forEach(pet -> given().get("/pets/" + pet).then().statusCode(404));
                owned.forEach(acknowledged.get("pets")::remove);
            }
        }
        // A refused write stored nothing: the resource it named reads as last acknowledged.
        if (!success) {
            Long id = idIn(request.path());
            if (id != null && acknowledged.get(kind).containsKey(id)) {
                assertEquals(acknowledged.get(kind).get(id), read("/" + kind + "/" + id),
                        kind + " " + id + " changed by a refused write; " + context);
            }
        }
    }

    /** The id a path names in canonical form, or null. */
    private static Long idIn(String path) {
        Matcher id = CANONICAL_ID.matcher(path);
        return id.matches() ? Long.valueOf(id.group(1)) : null;
    }

    private static Map<String, Object> read(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private void remember(String kind, Map<String, Object> resource) {
        acknowledged.get(kind).put(((Number) resource.get("id")).longValue(), new LinkedHashMap<>(resource));
    }

    private List<Long> ids(String kind) {
        return new ArrayList<>(acknowledged.get(kind).keySet());
    }

    private Map<Long, Integer> versions(String kind) {
        Map<Long, Integer> versions = new TreeMap<>();
        acknowledged.get(kind).forEach((id, resource) -> versions.put(id, ((Number) resource.get("version")).intValue()));
        return versions;
    }
}
