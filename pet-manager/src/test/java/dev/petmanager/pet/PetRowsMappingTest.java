package dev.petmanager.pet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import dev.petmanager.support.FreshDatabase;
import dev.petmanager.user.User;
import dev.petmanager.user.UserRowsColumns;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

/**
 * The statements that write a pet's or a user's row without Hibernate's entity updates (PetRows, UserRows: PUT and
 * PATCH on PostgreSQL) list the columns a client sets by hand. A field added to an entity and its input would be
 * silently left out of them: these tests fail instead, comparing the lists with the columns Hibernate maps.
 */
@QuarkusTest
@WithTestResource(value = FreshDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PetRowsMappingTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void everyColumnHibernateMapsForPetIsSetByPetRowsOrServerOwned() {
        Set<String> listed = Stream.concat(PetRows.COLUMNS.stream().map(PetRows.Column::name), PetRows.SERVER_OWNED.stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(mappedColumns(Pet.class), listed);
    }

    @Test
    void everyFieldOfPetInputIsBoundToAColumnOrIsTheVersion() {
        Set<String> bound = PetRows.COLUMNS.stream().map(PetRows.Column::field).collect(Collectors.toCollection(TreeSet::new));
        bound.add("version");
        Set<String> fields = Stream.of(PetInput.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, bound);
    }

    @Test
    void everyColumnHibernateMapsForUserIsSetByUserRowsOrServerOwned() {
        assertEquals(mappedColumns(User.class), UserRowsColumns.listed());
    }

    @Test
    void everyFieldOfUserInputIsBoundToAColumnOrIsTheVersion() {
        Set<String> fields = Stream.of(dev.petmanager.user.UserInput.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, UserRowsColumns.boundFields());
    }

    private Set<String> mappedColumns(Class<?> entity) {
        Set<String> columns = new TreeSet<>();
        EntityPersister persister = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(entity);
        // the attributes' columns leave out the identifier's
        persister.getIdentifierMapping().forEachSelectable((index, selectable) -> columns.add(selectable.getSelectionExpression()));
        persister.forEachSelectable((index, selectable) -> columns.add(selectable.getSelectionExpression()));
        return columns;
    }
}
