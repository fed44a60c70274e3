package io.quarkiverse.flywayautogen.core.corpus.model.ids;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** IDENTITY with an Integer key: SQLite's rowid. */
@Entity
public class Counter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    public String label;
    public int hits;
}
