package io.quarkiverse.flywayautogen.core.corpus.model.pgtypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The types Hibernate asks PostgreSQL for beyond the common ones: native enums, jsonb, uuid, arrays, zoned times. */
@Entity
public class Profile {
    @Id
    @GeneratedValue
    public UUID id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    public Mood mood;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false)
    public Mood usualMood;

    @Enumerated(EnumType.STRING)
    public Mood plainMood;

    @JdbcTypeCode(SqlTypes.JSON)
    @org.hibernate.annotations.Comment("free-form settings, as the client sends them")
    public Map<String, Object> settings;

    public UUID externalId;

    public String[] tags;

    public List<Integer> luckyNumbers;

    public OffsetDateTime lastSeen;

    public Instant createdAt;

    public LocalDate birthday;

    public Duration napLength;

    public BigDecimal balance;
}
