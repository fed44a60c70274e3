package io.quarkiverse.flywayautogen.core.corpus.model.embedded;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OrderColumn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Two embedded addresses (one with overridden columns) and element collections of a basic and an embeddable. */
@Entity
public class Customer extends PanacheStyleEntity {
    public String name;

    @Embedded
    public Address home;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "billingStreet"))
    @AttributeOverride(name = "city", column = @Column(name = "billingCity"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "billingZip", length = 10))
    public Address billing;

    @ElementCollection
    public Set<String> tags = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "CustomerPhone")
    @OrderColumn(name = "position")
    public List<Phone> phones = new ArrayList<>();
}
