package io.quarkiverse.flywayautogen.core.mariadb.tightened;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The pet of {@code PET_NULLABLE_WEIGHT} with a weight it must have and no nickname. */
@Entity
public class Pet {
    public enum Species { CAT, DOG }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Species species;

    @Column(nullable = false)
    public Integer weight;
}
