package io.quarkiverse.flywayautogen.core.corpus.model.types;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** The java.time types an application stores. */
@Entity
public class Schedule extends PanacheStyleEntity {
    public LocalDate day;
    public LocalDateTime startsAt;
    public Instant createdAt;
    public OffsetDateTime remindAt;
    public LocalTime alarm;
    public Duration length;
}
