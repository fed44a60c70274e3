package dev.petmanager.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates requests to the API from a seed: mostly plausible ones (so that writes succeed and their storage can be
 * checked), each bent in one or two ways a careless or hostile client would bend it — wrong JSON types, unknown or
 * missing fields, values out of range, malformed or non-UTF-8 bodies, ids that are not canonical, odd media types and
 * headers. The same seed gives the same requests, given the same answers.
 */
public final class RequestGenerator {

    private static final String[] ID_MANGLES = { "+%d", "0%d", "%d;x", "%d.0", "-%d", "%dabc", "%d%%20", "%%zz",
            "99999999999999999999", "%d/extra", "%d/", "x%d" };
    private static final String[] SPECIES = { "\"DOG\"", "\"cat\"", "\"Bird\"", "\"RABBIT\"", "\"other\"", "\"LION\"",
            "0", "null", "\"\"", "[\"DOG\"]" };
    private static final String[] NAMES = { "\"Rex\"", "\"Ann\"", "\"Ünïcødé 🐕\"", "\"  \"", "\"\"", "123", "null",
            "true", "[\"a\"]", "{\"a\":1}", "\"a\\u0000b\"", "\"\\ud800\"", "\"tab\\tname\"" };
    private static final String[] ODD_CONTENT_TYPES = { "application/json; charset=UTF-8", "text/plain", "application/xml", "application/json; charset=ISO-8859-1",
            "application/merge-patch+json", "multipart/form-data; boundary=x", "" };
    private static final String[] ACCEPTS = { "application/json", "*/*", "text/html", "application/xml",
            "application/problem+json", "text/plain" };

    private final Random random;

    public RequestGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** @param users ids of users that exist now; @param pets ids of pets that exist now; @param versions their versions */
    public GeneratedRequest next(List<Long> users, List<Long> pets, Map<Long, Integer> userVersions,
            Map<Long, Integer> petVersions) {
        boolean pet = random.nextBoolean();
        List<Long> known = pet ? pets : users;
        String collection = pet ? "/pets" : "/users";
        long id = known.isEmpty() || random.nextInt(10) == 0 ? 1_000_000 + random.nextInt(1000) : pick(known);
        int version = (pet ? petVersions : userVersions).getOrDefault(id, 0);
        int op = random.nextInt(100);
        String method;
        String path;
        byte[] body = null;
        if (op < 30) {
            method = "POST";
            path = collection;
            body = body(pet ? petFields(users, null) : userFields(null));
        } else if (op < 48) {
            method = "PUT";
            path = collection + "/" + id(id);
            body = body(pet ? petFields(users, version) : userFields(version));
        } else if (op < 63) {
            method = "PATCH";
            path = collection + "/" + id(id);
            Map<String, String> all = pet ? petFields(users, version) : userFields(version);
            Map<String, String> patch = new LinkedHashMap<>();
            all.forEach((k, v) -> {
                if (random.nextInt(3) == 0) {
                    patch.put(k, v);
                }
            });
            body = body(patch);
        } else if (op < 71) {
            method = "DELETE";
            path = collection + "/" + id(id) + (!pet && random.nextBoolean() ? "?cascade=" + pick("true", "false", "yes", "") : "");
        } else if (op < 97) {
            method = "GET";
            path = random.nextBoolean() ? collection + "/" + id(id) : listing(pet, pick(users.isEmpty() ? List.of(1L) : users));
        } else {
            method = pick("OPTIONS", "TRACE", "CONNECT_", "FOO");
            path = collection;
        }
        return new GeneratedRequest(method, path, headers(method, version), body);
    }

    private String id(long id) {
        return random.nextInt(8) == 0 ? String.format(pick(ID_MANGLES), id) : String.valueOf(id);
    }

    private String listing(boolean pet, long owner) {
        String path = random.nextInt(4) == 0 ? "/users/" + id(owner) + "/pets" : pet ? "/pets" : "/users";
        List<String> query = new ArrayList<>();
        if (random.nextBoolean()) {
            query.add("page=" + pick("0", "1", "-1", "x", "21474836", "99999999999"));
        }
        if (random.nextBoolean()) {
            query.add("size=" + pick("1", "20", "100", "101", "0", "abc", ""));
        }
        if (random.nextBoolean()) {
            query.add("sort=" + pick("name", "-createdAt", "id,-name", "password", ",,", "-", "species", "email"));
        }
        if (pet && random.nextBoolean()) {
            query.add(pick("species=dog", "species=LION", "name=%25", "name=_", "ownerId=" + owner, "ownerId=+1"));
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private Map<String, String> userFields(Integer version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", random.nextInt(3) == 0 ? pick(NAMES) : "\"User " + random.nextInt(1000) + "\"");
        fields.put("email", random.nextInt(4) == 0
                ? pick("\"not-an-email\"", "\"\"", "1", "null", "\"dup@example.com\"", "\"DUP@Example.com\"")
                : "\"u" + random.nextInt(1_000_000) + "@Example.com\"");
        if (version != null && random.nextBoolean()) {
            fields.put("version", random.nextInt(4) == 0 ? pick("\"0\"", "-1", "99", "1.5") : String.valueOf(version));
        }
        return mutate(fields, "id", "createdAt", "password");
    }

    private Map<String, String> petFields(List<Long> users, Integer version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", random.nextInt(3) == 0 ? pick(NAMES) : "\"Pet " + random.nextInt(1000) + "\"");
        fields.put("species", random.nextInt(3) == 0 ? pick(SPECIES) : "\"DOG\"");
        if (random.nextBoolean()) {
            fields.put("birthDate", pick("\"2020-04-01\"", "\"2020-02-30\"", "\"2020-4-1\"", "20200401", "null",
                    "\"" + LocalDate.now().plusDays(3) + "\"", "[2020,1,1]", "\"2019-12-31T00:00:00\""));
        }
        if (random.nextBoolean()) {
            fields.put("weightGrams", pick("12500", "0", "-1", "2000000", "2000001", "1.5", "\"12\"", "null",
                    "99999999999999999999", "1e3"));
        }
        long owner = users.isEmpty() ? 1 : pick(users);
        fields.put("ownerId", random.nextInt(5) == 0 ? pick("999999", "null", "\"" + owner + "\"", owner + ".0", "-1")
                : String.valueOf(owner));
        if (version != null && random.nextBoolean()) {
            fields.put("version", random.nextInt(4) == 0 ? pick("\"0\"", "-1", "99") : String.valueOf(version));
        }
        return mutate(fields, "id", "createdAt", "owner");
    }

    /** Drops a field or adds one the resource does not have, sometimes. */
    private Map<String, String> mutate(Map<String, String> fields, String... foreign) {
        if (random.nextInt(8) == 0 && !fields.isEmpty()) {
            fields.remove(pick(fields.keySet().toArray(String[]::new)));
        }
        if (random.nextInt(10) == 0) {
            fields.put(pick(foreign), pick("1", "\"x\"", "null"));
        }
        return fields;
    }

    private byte[] body(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        String text = json.append('}').toString();
        switch (random.nextInt(25)) {
            case 0:
                return text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 1:
                return (text + text).getBytes(StandardCharsets.UTF_8);
            case 2:
                return new byte[] { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
            case 3:
                return pick("", "null", "[]", "\"text\"", "42", "not json", "{\"name\":").getBytes(StandardCharsets.UTF_8);
            case 4:
                return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            default:
                return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private Map<String, String> headers(String method, int version) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (hasBody) {
            String type = random.nextInt(6) == 0 ? pick(ODD_CONTENT_TYPES)
                    : method.equals("PATCH") && random.nextBoolean() ? "application/merge-patch+json" : "application/json";
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
        }
        if (random.nextInt(12) == 0) {
            headers.put("Accept", pick(ACCEPTS));
        }
        if ((method.equals("PUT") || method.equals("PATCH")) && random.nextInt(4) == 0) {
            headers.put("If-Match", pick("\"" + version + "\"", "\"99\"", "*", "garbage", "W/\"" + version + "\""));
        }
        if (random.nextInt(10) == 0) {
            headers.put(pick("X-Fuzz", "Cookie", "X-Forwarded-For", "Origin"), "v" + random.nextInt(100));
        }
        return headers;
    }

    private long pick(List<Long> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
