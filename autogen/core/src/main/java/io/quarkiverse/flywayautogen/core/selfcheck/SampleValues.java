package io.quarkiverse.flywayautogen.core.selfcheck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Values for the basic attributes of sample entities: small, deterministic and distinct from one call to the next
 * (unique columns), of the attribute's Java type; null for a type it does not know, for the database to judge.
 */
final class SampleValues {

    private int counter;

    Object of(Class<?> type) {
        int n = ++counter;
        if (type == String.class) {
            return "s" + n;
        } else if (type == Integer.class || type == int.class) {
            return n;
        } else if (type == Long.class || type == long.class) {
            return (long) n;
        } else if (type == Short.class || type == short.class) {
            return (short) n;
        } else if (type == Byte.class || type == byte.class) {
            return (byte) n;
        } else if (type == Double.class || type == double.class) {
            return n + 0.5;
        } else if (type == Float.class || type == float.class) {
            return n + 0.5f;
        } else if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        } else if (type == Character.class || type == char.class) {
            return 'a';
        } else if (type == BigDecimal.class) {
            return BigDecimal.valueOf(n);
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(n);
        } else if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1).plusDays(n);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.of(2024, 1, 1, 10, 0).plusMinutes(n);
        } else if (type == LocalTime.class) {
            return LocalTime.of(10, 0).plusMinutes(n);
        } else if (type == Instant.class) {
            return Instant.parse("2024-01-01T10:00:00Z").plusSeconds(n);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2024, 1, 1, 10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == ZonedDateTime.class) {
            return ZonedDateTime.of(2024, 1, 1, 10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == OffsetTime.class) {
            return OffsetTime.of(10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == Duration.class) {
            return Duration.ofSeconds(n);
        } else if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(("sample" + n).getBytes(StandardCharsets.UTF_8));
        } else if (type == byte[].class) {
            return new byte[]{(byte) n, 2, 3};
        } else if (type == java.util.Date.class) {
            return new java.util.Date(1_704_103_200_000L + n * 1000L);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null; // an unknown type stays null: the database says whether that is allowed
    }
}
