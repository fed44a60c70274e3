package io.quarkiverse.flywayautogen.core.corpus.model.ids;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** PanacheEntityBase style: its own SEQUENCE generator with a custom allocation size and initial value. */
@Entity
public class Ticket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticketNumbers")
    @SequenceGenerator(name = "ticketNumbers", sequenceName = "ticket_numbers", allocationSize = 10, initialValue = 1000)
    public Long id;
    public String holder;
}
