package io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** Grandchild: with SET NULL on delete, a lost pet row would show as a NULL pet_id. */
@Entity
public class Vaccination {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER)
    public Long id;

    public String vaccine;

    @ManyToOne
    @OnDelete(action = OnDeleteAction.SET_NULL)
    public Pet pet;
}
