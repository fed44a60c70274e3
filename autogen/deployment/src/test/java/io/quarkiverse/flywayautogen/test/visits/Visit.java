package io.quarkiverse.flywayautogen.test.visits;

import java.time.LocalDate;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A visit whose date becomes required in the test; the boolean beside it is the value PostgreSQL once refused in the
 * self-check's sample rows, which left the table without a row to prove the NOT NULL on.
 */
@Entity
public class Visit extends PanacheEntity {

    public LocalDate visitDate;

    public boolean done;
}
