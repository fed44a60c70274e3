package dev.petmanager.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.restassured.RestAssured;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** Shared expectations of the endpoint tests: the RFC 9457 problem shape, and reading stored values back. */
public final class Problems {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Problems() {
    }

    /** A problem+json response with every RFC 9457 member present and {@code status} matching the HTTP status. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectHeader("Content-Type", startsWith("application/problem+json"))
                .expectBody("type", equalTo("about:blank"))
                .expectBody("title", not(emptyOrNullString()))
                .expectBody("status", equalTo(status))
                .expectBody("detail", not(emptyOrNullString()))
                .expectBody("instance", not(emptyOrNullString()))
                .build();
    }

    /** As {@link #problem(int)}, and {@code instance} is the request path. */
    public static ResponseSpecification problem(int status, String instance) {
        return new ResponseSpecBuilder().addResponseSpecification(problem(status))
                .expectBody("instance", equalTo(instance)).build();
    }

    /** The running service's base URI, for clients other than RestAssured. */
    public static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    /** A timestamp column as stored: epoch milliseconds or text written by SQL (SQLite), a timestamp (PostgreSQL). */
    public static Instant instant(Object stored) {
        if (stored instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (stored instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return java.sql.Timestamp.valueOf(String.valueOf(stored)).toInstant();
    }

    /** A date column as stored in SQLite (ISO text, or epoch milliseconds of the local midnight). */
    public static LocalDate date(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).atZone(ZoneId.systemDefault()).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(stored).substring(0, 10));
    }
}
