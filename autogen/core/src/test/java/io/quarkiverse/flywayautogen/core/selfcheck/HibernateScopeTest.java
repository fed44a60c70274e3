package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.PetType;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Specialty;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Vet;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Visit;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Sequence;
import io.quarkiverse.flywayautogen.core.ops.AddColumn;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which entities Hibernate's part of the self-check starts, validates and persists for a change. */
class HibernateScopeTest {

    private final EntitySet clinic = EntitySet.snakeCase(
            List.of(Owner.class, Pet.class, PetType.class, Specialty.class, Vet.class, Visit.class), getClass().getClassLoader());

    @Test
    void columnOnAReferencedTableChecksItsEntityAndTheEntitiesReferencingIt() {
        assertEquals(Set.of("PetType", "Pet", "Owner", "Visit"), scope(addColumn("types")));
    }

    @Test
    void columnOnAJoinTableChecksTheCollectionsOwnerAndWhatItReferences() {
        assertEquals(Set.of("Vet", "Specialty"), scope(addColumn("vet_specialties")));
    }

    @Test
    void columnOnATableNobodyReferencesLeavesTheOthersOut() {
        assertEquals(Set.of("Vet", "Specialty"), scope(addColumn("vets")));
    }

    @Test
    void sequenceChangeChecksEveryEntity() {
        assertEquals(Optional.empty(), HibernateScope.of(clinic, clinic.metadata(new SqliteDialect()),
                List.of(new CreateSequence(new Sequence("pets_seq", 1, 50)))));
    }

    private Set<String> scope(Operation op) {
        return HibernateScope.of(clinic, clinic.metadata(new SqliteDialect()), List.of(op)).orElseThrow().classes().stream()
                .map(Class::getSimpleName).collect(Collectors.toSet());
    }

    private static Operation addColumn(String table) {
        return new AddColumn(table, new Column("extra", new SqliteDialect().types().type("varchar(20)"), true, null));
    }
}
