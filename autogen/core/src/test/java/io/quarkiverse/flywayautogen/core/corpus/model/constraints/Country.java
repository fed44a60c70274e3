package io.quarkiverse.flywayautogen.core.corpus.model.constraints;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Named and unnamed unique constraints and indexes declared on @Table. */
@Entity
@Table(uniqueConstraints = {
        @UniqueConstraint(name = "uk_country_iso_code", columnNames = "isoCode"),
        @UniqueConstraint(columnNames = {"continent", "name"})},
        indexes = {
                @Index(name = "idx_country_name", columnList = "name"),
                @Index(columnList = "continent, population")})
public class Country extends PanacheStyleEntity {
    @Column(length = 2, nullable = false)
    public String isoCode;
    @Column(nullable = false)
    public String name;
    @Column(length = 20)
    public String continent;
    public long population;
}
