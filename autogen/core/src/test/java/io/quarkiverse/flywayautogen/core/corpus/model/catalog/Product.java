package io.quarkiverse.flywayautogen.core.corpus.model.catalog;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A Panache-style entity (public fields, the id from the superclass) as a REST resource validates it. The
 * {@code columnDefinition} wins over {@code @Size} for the declared type; the unique SKU is NOT NULL only through
 * {@code @NotBlank}.
 */
@Entity
public class Product extends PanacheStyleEntity {
    @NotNull
    @Size(max = 80)
    public String name;

    @Column(unique = true)
    @NotBlank
    @Size(max = 20)
    public String sku;

    @Column(columnDefinition = "text")
    @Size(max = 2000)
    public String description;

    @NotNull
    @Digits(integer = 8, fraction = 2)
    public BigDecimal price;

    @Min(0)
    public int stock;
}
