package io.quarkiverse.flywayautogen.core.selfcheck.graphs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * With {@link Employee#team}, a cycle of references: the team's lead is required, an employee's team is not, so
 * the employees come first (without a team) and the team after them.
 */
@Entity
public class Team {
    @Id
    @GeneratedValue
    public Long id;

    public String name;

    @ManyToOne(optional = false)
    public Employee lead;
}
