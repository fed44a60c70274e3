package io.quarkiverse.flywayautogen.core.scenarios.renametable.names;

import io.quarkiverse.flywayautogen.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** The owner table renamed to person; its unnamed unique key and index take convention names from the new name. */
@jakarta.persistence.Entity
@RenamedFrom("owner")
@Table(name = "person", uniqueConstraints = @UniqueConstraint(columnNames = "name"), indexes = @Index(columnList = "city"))
public class Owner {
    @Id
    public Long id;

    @Column(nullable = false)
    public String name;

    public String city;
}
