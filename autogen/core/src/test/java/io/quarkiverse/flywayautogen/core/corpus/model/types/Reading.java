package io.quarkiverse.flywayautogen.core.corpus.model.types;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** @Version, @Lob text, decimals, booleans and enums by name and by ordinal (@Lob bytes: see Attachment). */
@Entity
public class Reading extends PanacheStyleEntity {
    @Version
    public long version;

    @Lob
    public String notes;

    @Column(precision = 10, scale = 3)
    public BigDecimal amount;

    @Column(precision = 19, scale = 0, nullable = false)
    public BigDecimal wholeAmount;

    public boolean active;

    public Boolean verified;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Level level;

    @Enumerated(EnumType.ORDINAL)
    public Level priority;

    public double ratio;

    public float weight;

    public short smallCount;

    public byte tinyCount;

    public char grade;
}
