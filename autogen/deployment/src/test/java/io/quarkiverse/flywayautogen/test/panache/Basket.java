package io.quarkiverse.flywayautogen.test.panache;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Added to the running application by the test, after {@link Fruit}'s first migrations: table {@code Basket}. */
@Entity
public class Basket extends PanacheEntity {

    @ManyToOne(optional = false)
    public Fruit fruit;
}
