package io.quarkiverse.flywayautogen.core.scenarios.addcolumn.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

@Entity
public class Pet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** New, nullable. */
    public String nickname;

    /** New, NOT NULL with a declared default that fills existing rows. */
    @Column(nullable = false)
    @ColumnDefault("'unknown'")
    public String species;

    /** New, NOT NULL with a non-constant default: SQLite's ADD COLUMN refuses it, so the table is rebuilt. */
    @Column(nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    public java.time.LocalDateTime registeredAt;
}
