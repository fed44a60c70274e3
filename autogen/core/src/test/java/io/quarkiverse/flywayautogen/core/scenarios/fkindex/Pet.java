package io.quarkiverse.flywayautogen.core.scenarios.fkindex;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Set;

/**
 * Every kind of foreign key: a plain {@code @ManyToOne} (uncovered), one whose column leads a declared index
 * (covered), a {@code @OneToOne} (covered by its unique constraint), a two-column reference to a composite key
 * (uncovered) and a many-to-many join table (first column covered by its primary key, second not).
 */
@Entity
@Table(indexes = @Index(columnList = "breeder_id, name"))
public class Pet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false)
    public String name;

    @ManyToOne
    public Owner owner;

    @ManyToOne
    public Owner breeder;

    @OneToOne
    public Passport passport;

    @ManyToOne
    @JoinColumns({@JoinColumn(name = "clinic_country", referencedColumnName = "country"),
            @JoinColumn(name = "clinic_code", referencedColumnName = "code")})
    public Clinic clinic;

    @ManyToMany
    @JoinTable(name = "pet_tag", joinColumns = @JoinColumn(name = "pet_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags;
}
