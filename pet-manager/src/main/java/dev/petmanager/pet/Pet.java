package dev.petmanager.pet;

import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.petmanager.storage.IsoLocalDateConverter;
import dev.petmanager.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A pet, always owned by exactly one user. */
@Entity
@Cacheable
@Table(name = "pets", indexes = {
        @Index(name = "ix_pets_owner_id", columnList = "owner_id"),
        @Index(name = "ix_pets_species", columnList = "species") })
public class Pet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Species species;

    @Column(name = "birth_date", length = 10)
    @Convert(converter = IsoLocalDateConverter.class)
    public LocalDate birthDate;

    /** Optional; grams, so that a hamster and a horse are both whole numbers. */
    @Column(name = "weight_grams")
    public Integer weightGrams;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pets_owner_id_users"))
    public User owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public static long countByOwner(User owner) {
        return count("owner", owner);
    }
}
