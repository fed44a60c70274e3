package io.quarkiverse.flywayautogen.test.usermodels.panachebv;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A Panache entity as users write them: Quarkus' naming defaults (table {@code Book}, ids from {@code Book_SEQ}),
 * sizes and required fields said with Bean Validation rather than {@code @Column}, one column typed by hand and one
 * unique column.
 */
@Entity
public class Book extends PanacheEntity {

    @NotNull
    @Size(max = 40)
    public String title;

    @Column(unique = true)
    public String isbn;

    @Column(columnDefinition = "TEXT")
    public String summary;

    @Digits(integer = 6, fraction = 2)
    public BigDecimal price;
}
