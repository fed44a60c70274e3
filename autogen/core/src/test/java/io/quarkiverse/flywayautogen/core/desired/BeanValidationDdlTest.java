package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.corpus.model.catalog.Product;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.PetType;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Visit;
import io.quarkiverse.flywayautogen.core.dialect.Dialect;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.model.CheckConstraint;
import io.quarkiverse.flywayautogen.core.model.Column;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.SqlText;
import io.quarkiverse.flywayautogen.core.model.Table;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The switch on {@link EntitySet}: with it on, the desired schema carries what Hibernate's Bean Validation
 * integration adds to the mapping; with it off, exactly what the JPA annotations say.
 */
class BeanValidationDdlTest {

    private static final Dialect SQLITE = Dialects.require("sqlite");

    private static Schema desired(EntitySet entities) {
        return new HibernateSchemaReader(NamingConvention.ALEMBIC_DEFAULT, SQLITE.types()).read(entities.metadata(SQLITE));
    }

    private static EntitySet clinic() {
        return new EntitySet(List.of(Owner.class, Pet.class, PetType.class, Visit.class, Product.class),
                BeanValidationDdlTest.class.getClassLoader(), "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl");
    }

    private static Column column(Schema schema, String table, String column) {
        return schema.requireTable(table).column(column).orElseThrow(() -> new AssertionError("no " + table + "." + column));
    }

    @Test
    void onByDefaultWithHibernateValidatorOnTheClassPath() {
        assertTrue(BeanValidationDdl.providerPresent(getClass().getClassLoader()));
        assertTrue(clinic().beanValidationDdl());
    }

    @Test
    void notNullSizeDigitsAndMinMaxBecomeColumnConstraints() {
        Schema on = desired(clinic());
        assertFalse(column(on, "owners", "address").nullable(), "@NotBlank: NOT NULL");
        assertFalse(column(on, "visits", "visit_date").nullable(), "@NotNull: NOT NULL");
        assertFalse(column(on, "pets", "type_id").nullable(), "@NotNull on a many-to-one: its join column NOT NULL");
        assertTrue(column(on, "pets", "owner_id").nullable(), "no constraint, no change");
        assertEquals("varchar(30)", column(on, "owners", "first_name").type().declared(), "@Size(max = 30) from a mapped superclass");
        assertEquals("varchar(40)", column(on, "types", "name").type().declared());
        assertEquals("numeric(10,2)", column(on, "Product", "price").type().declared().replace(" ", ""), "@Digits(integer = 8, fraction = 2)");
        assertEquals("text", column(on, "Product", "description").type().declared(), "the columnDefinition wins over @Size");
        Table pets = on.requireTable("pets");
        assertEquals(List.of(SqlText.normaliseExpression("weight_kg<=500 and weight_kg>=0")),
                pets.checks().stream().map(CheckConstraint::expression).toList(), "@Min and @Max as one CHECK, as Hibernate declares"
                        + " them, in a stable order");
        assertEquals(List.of(SqlText.normaliseExpression("stock>=0")),
                on.requireTable("Product").checks().stream().map(CheckConstraint::expression).toList());
    }

    @Test
    void offLeavesWhatTheJpaAnnotationsSay() {
        Schema off = desired(clinic().withBeanValidationDdl(false));
        assertTrue(column(off, "owners", "address").nullable());
        assertTrue(column(off, "pets", "type_id").nullable());
        assertEquals("varchar(255)", column(off, "owners", "first_name").type().declared());
        assertTrue(off.requireTable("pets").checks().isEmpty());
        assertFalse(column(off, "Product", "stock").nullable(), "a primitive int is NOT NULL either way");
    }

    @Test
    void offByDefaultAndRefusedWhenTheEntitiesClassPathHasNoValidator() throws Exception {
        // a class path holding the entities and the JPA API but no Hibernate Validator, its parent the platform's
        URL testClasses = Owner.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader noValidator = new URLClassLoader(new URL[]{testClasses}, ClassLoader.getPlatformClassLoader())) {
            assertFalse(BeanValidationDdl.providerPresent(noValidator));
        }
        EntitySet forced = clinic();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BeanValidationDdl.apply(
                forced.metadata(SQLITE), ClassLoader.getPlatformClassLoader()));
        assertTrue(e.getMessage().contains("quarkus.hibernate-orm.validation.enabled=false"), e.getMessage());
    }
}
