package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.catalog.Product;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.PetType;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Specialty;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Vet;
import io.quarkiverse.flywayautogen.core.corpus.model.clinic.Visit;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two models as Quarkus REST applications write them, Bean Validation on most fields: a pet clinic (mapped
 * superclasses, ordered one-to-many both with a back reference and with a join column only, a many-to-many through a
 * named join table) and a Panache-style product. From an empty folder: V1 generated and applied, Hibernate validates
 * and persists a whole object graph, reads it back in its declared order, and the database enforces what Bean
 * Validation declared.
 */
class ClinicCorpusTest {

    private static final Class<?>[] CLINIC = {Owner.class, Pet.class, PetType.class, Visit.class, Vet.class, Specialty.class};

    @Test
    void petClinicFromAnEmptyFolderPersistsAndReadsBackInOrder() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(CLINIC);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, CLINIC)) {
                Integer ownerId = sf.fromTransaction(s -> {
                    PetType cat = named(new PetType(), "cat");
                    s.persist(cat);
                    Owner owner = new Owner();
                    owner.firstName = "George";
                    owner.lastName = "Franklin";
                    owner.address = "110 W. Liberty St.";
                    owner.city = "Madison";
                    owner.telephone = "6085551023";
                    for (String name : List.of("Max", "Leo")) {
                        Pet pet = named(new Pet(), name);
                        pet.type = cat;
                        pet.owner = owner;
                        pet.birthDate = LocalDate.of(2020, 9, 7);
                        pet.weightKg = 4;
                        for (int day : new int[]{20, 3}) {
                            Visit visit = new Visit();
                            visit.date = LocalDate.of(2024, 1, day);
                            visit.description = "check-up on the " + day;
                            pet.visits.add(visit);
                        }
                        owner.pets.add(pet);
                    }
                    s.persist(owner);
                    Specialty surgery = named(new Specialty(), "surgery");
                    s.persist(surgery);
                    Vet vet = new Vet();
                    vet.firstName = "Helen";
                    vet.lastName = "Leary";
                    vet.specialties.add(surgery);
                    s.persist(vet);
                    return owner.id;
                });
                sf.inTransaction(s -> {
                    Owner owner = s.find(Owner.class, ownerId);
                    assertEquals(List.of("Leo", "Max"), owner.pets.stream().map(p -> p.name).toList(), "@OrderBy(\"name\")");
                    assertEquals(List.of(3, 20), owner.pets.get(0).visits.stream().map(v -> v.date.getDayOfMonth()).toList(),
                            "@OrderBy(\"date ASC\")");
                    assertEquals(1, s.createQuery("from Vet", Vet.class).getSingleResult().specialties.size());
                });
            }
            assertEquals(1L, db.rowCount("vet_specialties"), "the many-to-many row");
            assertNotNull(Corpus.failureOf(db, "INSERT INTO owners (first_name, last_name, city, telephone) VALUES ('a', 'b', 'c', '1')"),
                    "@NotBlank address: NOT NULL in the database");
            assertNotNull(Corpus.failureOf(db, "INSERT INTO pets (name, type_id, weight_kg) VALUES ('Rex', 1, -1)"), "@Min(0): a CHECK");
            assertNull(Corpus.failureOf(db, "INSERT INTO pets (name, type_id, weight_kg) VALUES ('Rex', 1, 500)"), "@Max(500) is inclusive");
            db.assertNoChanges(CLINIC);
        }
    }

    @Test
    void panacheStyleProductFromAnEmptyFolderPersistsAndKeepsItsSkuUnique() throws Exception {
        try (ScenarioHarness db = Corpus.snakeNames()) {
            db.generateFirstMigrationAndApply(Product.class);
            assertEquals("text", Corpus.declaredType(db, "product", "description").toLowerCase(java.util.Locale.ROOT), "columnDefinition");
            assertEquals("varchar(80)", Corpus.declaredType(db, "product", "name").toLowerCase(java.util.Locale.ROOT), "@Size(max = 80)");
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Product.class)) {
                sf.inTransaction(s -> s.persist(product("TEA-1")));
                Corpus.assertRefusedAsDuplicate(() -> sf.inTransaction(s -> s.persist(product("TEA-1"))), "sku");
                Product read = sf.fromTransaction(s -> s.createQuery("from Product", Product.class).getSingleResult());
                assertEquals(0, new BigDecimal("12.50").compareTo(read.price));
            }
            assertNotNull(Corpus.failureOf(db, "INSERT INTO product (id, name, price, stock) VALUES (99, 'x', 1, 0)"), "@NotBlank sku: NOT NULL");
            db.assertNoChanges(Product.class);
        }
    }

    private static Product product(String sku) {
        Product product = new Product();
        product.name = "Green tea";
        product.sku = sku;
        product.description = "d".repeat(3000);
        product.price = new BigDecimal("12.50");
        product.stock = 7;
        return product;
    }

    private static <T extends io.quarkiverse.flywayautogen.core.corpus.model.clinic.NamedEntity> T named(T entity, String name) {
        entity.name = name;
        return entity;
    }
}
