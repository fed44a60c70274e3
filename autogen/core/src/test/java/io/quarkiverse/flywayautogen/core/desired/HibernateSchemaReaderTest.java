package io.quarkiverse.flywayautogen.core.desired;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;
import io.quarkiverse.flywayautogen.core.model.ForeignKey;
import io.quarkiverse.flywayautogen.core.model.Schema;
import io.quarkiverse.flywayautogen.core.model.Table;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Owner;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Pet;
import io.quarkiverse.flywayautogen.core.scenarios.fkrebuild.after.Vaccination;
import org.hibernate.boot.Metadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HibernateSchemaReaderTest {

    private static Schema read(Class<?>... entities) {
        Metadata md = EntityBootstrap.sqliteMetadata(List.of(entities), HibernateSchemaReaderTest.class.getClassLoader());
        return new HibernateSchemaReader(NamingConvention.ALEMBIC_DEFAULT, SqliteTypes.RULES).read(md);
    }

    @Test
    void readsColumnsKeysAndOnDeleteWithConventionalNames() {
        Schema s = read(Owner.class, Pet.class, Vaccination.class);
        Table pet = s.requireTable("pet");
        ForeignKey fk = pet.foreignKeys().get(0);
        assertEquals("fk_pet_owner_id_owner", fk.name());
        assertEquals("CASCADE", fk.onDelete());
        assertFalse(pet.column("owner_id").orElseThrow().nullable());
        assertEquals("integer", pet.column("id").orElseThrow().type().canonical());
        assertEquals("'anonymous'", s.requireTable("owner").column("name").orElseThrow().defaultValue());
        assertEquals("SET NULL", s.requireTable("vaccination").foreignKeys().get(0).onDelete());
    }

    @Test
    void readsEnumChecksUniquesIndexesAndExplicitNames() {
        Table enumPet = read(io.quarkiverse.flywayautogen.core.scenarios.enumchange.after.Pet.class).requireTable("pet");
        assertTrue(enumPet.checks().stream().anyMatch(c -> c.expression().contains("'BIRD'")), enumPet.checks()::toString);
        Table uniquePet = read(io.quarkiverse.flywayautogen.core.scenarios.unique.after.Pet.class).requireTable("pet");
        assertEquals("uq_pet_name_species", uniquePet.uniques().get(0).name());
        Table indexPet = read(io.quarkiverse.flywayautogen.core.scenarios.index.after.Pet.class).requireTable("pet");
        assertEquals("ix_pet_name", indexPet.indexes().get(0).name());
        Table checkPet = read(io.quarkiverse.flywayautogen.core.scenarios.check.after.Pet.class).requireTable("pet");
        assertTrue(checkPet.checks().stream().anyMatch(c -> "ck_pet_weight_positive".equals(c.name()) && c.expression().equals("weight>=0")));
    }

    @Test
    void customNamingConventionIsApplied() {
        NamingConvention custom = new NamingConvention("idx_%(table)_%(cols)", "unq_%(table)_%(cols)", "%(table)_%(reftable)_fk", "chk_%(table)_%(cols)", "%(table)_pkey");
        Metadata md = EntityBootstrap.sqliteMetadata(List.of(Owner.class, Pet.class, Vaccination.class), getClass().getClassLoader());
        assertEquals("pet_owner_fk", new HibernateSchemaReader(custom, SqliteTypes.RULES).read(md).requireTable("pet").foreignKeys().get(0).name());
    }

    @Test
    void readsRenameHintsFromAnnotations() {
        Metadata md = EntityBootstrap.sqliteMetadata(List.of(io.quarkiverse.flywayautogen.core.scenarios.renamecolumn.hinted.Pet.class), getClass().getClassLoader());
        assertEquals("weight_kg", RenameHintReader.read(md).columnsOf("pet").get("weight"));
        Metadata md2 = EntityBootstrap.sqliteMetadata(List.of(io.quarkiverse.flywayautogen.core.scenarios.renametable.hinted.Owner.class,
                io.quarkiverse.flywayautogen.core.scenarios.renametable.hinted.Pet.class), getClass().getClassLoader());
        assertEquals("person", RenameHintReader.read(md2).tables().get("owner"));
        assertEquals("Pet.weightKg (column pet.weight_kg)", ColumnOrigins.read(md).describe("pet", "weight_kg"));
    }

    @Test
    void renameOptionParsesColumnAndTableForms() {
        assertEquals("new", RenameHints.parse("pet.old=new").columnsOf("pet").get("old"));
        assertEquals("people", RenameHints.parse("person=people").tables().get("person"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RenameHints.parse("nonsense"));
    }
}
