package io.quarkiverse.flywayautogen.core.scenarios.fkindex;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Names long enough that the convention's index name passes PostgreSQL's 63 bytes. */
@Entity
@Table(name = "veterinary_appointment_reminder_notification")
public class Reminder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @ManyToOne
    public Owner responsibleVeterinarianOwner;
}
