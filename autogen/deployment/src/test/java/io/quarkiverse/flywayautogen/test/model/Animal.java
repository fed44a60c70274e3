package io.quarkiverse.flywayautogen.test.model;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Every kind of schema object the engine reads: FK, index, enum CHECK, declared default. */
@Entity
@Table(name = "animals", indexes = @Index(columnList = "owner_id"))
public class Animal {

    public enum Kind {
        DOG,
        CAT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Kind kind;

    @ColumnDefault("0")
    @Column(nullable = false)
    public int legs;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    public Owner owner;
}
