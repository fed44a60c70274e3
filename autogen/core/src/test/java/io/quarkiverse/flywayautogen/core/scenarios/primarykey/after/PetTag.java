package io.quarkiverse.flywayautogen.core.scenarios.primarykey.after;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A join table that gains a composite primary key. */
@Entity
@Table(name = "pet_tag")
public class PetTag {
    @EmbeddedId
    public Key key;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "pet_id")
        public Long petId;
        @Column(name = "tag_id")
        public Long tagId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(petId, k.petId) && Objects.equals(tagId, k.tagId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(petId, tagId);
        }
    }
}
