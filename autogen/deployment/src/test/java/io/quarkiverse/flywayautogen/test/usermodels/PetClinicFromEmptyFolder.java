package io.quarkiverse.flywayautogen.test.usermodels;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;

import io.quarkiverse.flywayautogen.test.usermodels.petclinic.BaseEntity;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.ClinicResource;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.NamedEntity;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Owner;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Person;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Pet;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.PetType;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Specialty;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Vet;
import io.quarkiverse.flywayautogen.test.usermodels.petclinic.Visit;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A classic pet-clinic model in dev mode, from an empty migrations folder: mapped superclasses for the id, the name
 * and the person, owners with pets ordered by name, pets with visits ordered by date, vets with specialties through a
 * join table, Bean Validation saying which fields are required. The first start writes V1, Flyway applies it on the
 * restart that follows and Hibernate validates it; the clinic then registers owners, pets, visits and vets; a new
 * field on {@code Owner} writes V2, applied on the reload, rows kept. One boot per database (the subclasses).
 *
 * <p>{@link #beanValidationDdlMakesRequiredColumnsNotNull} holds what only Bean Validation decides (its DDL, as
 * Hibernate's create applies it), checked on the same V1 (each test method would be a boot of its own:
 * QuarkusDevModeTest starts the application per method).
 */
abstract class PetClinicFromEmptyFolder {

    static final Class<?>[] CLINIC = { BaseEntity.class, NamedEntity.class, Person.class, Owner.class, Pet.class,
            PetType.class, Visit.class, Vet.class, Specialty.class, ClinicResource.class };

    abstract QuarkusDevModeTest devMode();

    abstract Database database();

    abstract int port();

    /**
     * {@code properties} is asked again for every test method: QuarkusDevModeTest starts a new application, in a new
     * project folder, for each; the database is created empty for each too, so every method starts as a new user.
     */
    static QuarkusDevModeTest clinic(Supplier<String> properties) {
        return new QuarkusDevModeTest()
                .setAllowFailedStart(true)
                .withApplicationRoot(jar -> jar.addClasses(CLINIC)
                        .addAsResource(new StringAsset(properties.get()), "application.properties"))
                .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.flywayautogen"));
    }

    @Test
    void ownersPetsVisitsAndVetsFromAnEmptyFolder() throws Exception {
        DevModeApp.target(port());
        Path folder = DevModeApp.migrationsFolder();

        // 0. the first start writes V1: every table, the foreign keys, the join table with one to each side
        MigrationText v1 = new MigrationText(DevModeApp.migration(folder, 1));
        beanValidationDdlMakesRequiredColumnsNotNull(v1);
        for (String table : List.of("owners", "pets", "types", "visits", "vets", "specialties", "vet_specialties")) {
            assertTrue(v1.createsTable(table), table + " in\n" + v1);
        }
        assertTrue(v1.hasForeignKey("pets", "owner_id", "owners"), v1.sql());
        assertTrue(v1.hasForeignKey("pets", "type_id", "types"), v1.sql());
        assertTrue(v1.hasForeignKey("visits", "pet_id", "pets"), v1.sql());
        assertTrue(v1.hasForeignKey("vet_specialties", "vet_id", "vets"), v1.sql());
        assertTrue(v1.hasForeignKey("vet_specialties", "specialty_id", "specialties"), v1.sql());
        assertTrue(v1.column("vet_specialties", "vet_id").contains("not null"), v1.sql());
        assertTrue(v1.column("vet_specialties", "specialty_id").contains("not null"), v1.sql());
        assertTrue(v1.column("owners", "telephone").startsWith("varchar(255)"), v1.sql());
        assertTrue(v1.column("visits", "visit_date").startsWith("date"), v1.sql());

        // the restart after V1 applies it; Hibernate's validation accepts it; the clinic works
        DevModeApp.assertServes("/clinic/owners", DevModeApp.awaitAnswer("/clinic/owners"));
        int rosy = petId(register("George", "Franklin", "110 W. Liberty St.", "Madison", "6085551023",
                pet("Rosy", "2020-09-07", "dog"), pet("Jewel", "2021-03-02", "dog")), "Rosy");
        register("Betty", "Davis", "638 Cardinal Ave.", "Sun Prairie", "6085551749", pet("Leo", "2019-09-07", "cat"));
        visit(rosy, "2024-03-04", "rabies shot");
        visit(rosy, "2023-01-02", "spayed");
        hire("Linda", "Douglas", "surgery", "dentistry");
        hire("James", "Carter");
        assertClinic();
        assertEquals("2", database().query("SELECT count(*) FROM vet_specialties"));
        assertEquals("2", database().query("SELECT count(*) FROM types"));

        // 1. a new field on Owner: V2 adds the column on the reload that wrote it, rows kept
        devMode().modifySourceFile(Owner.class, s -> s.replace("    @OneToMany(mappedBy",
                "    @jakarta.validation.constraints.Email\n    @jakarta.validation.constraints.Size(max = 80)\n"
                        + "    private String email;\n\n    @OneToMany(mappedBy"));
        Response answer = RestAssured.get("/clinic/owners");
        MigrationText v2 = new MigrationText(DevModeApp.migration(folder, 2));
        assertTrue(v2.sql().matches("(?is).*ALTER TABLE \"owners\" ADD COLUMN \"email\" varchar\\(\\d+\\);.*"), v2.sql());
        DevModeApp.assertServes("/clinic/owners", answer);
        assertTrue(database().columns("owners").contains("email"), database().columns("owners").toString());
        assertNull(database().query("SELECT email FROM owners WHERE last_name = 'Franklin'"));
        assertClinic();
        register("Eduardo", "Rodriquez", "2693 Commerce St.", "McFarland", "6085558763", pet("Rosy", "2022-01-01", "dog"));
        RestAssured.get("/clinic/owners").then().statusCode(200)
                .body("lastName", contains("Davis", "Franklin", "Rodriquez"));
    }

    /**
     * Bean Validation in the DDL, as Hibernate's own create applies it: {@code @NotBlank} and {@code @NotNull} make
     * the column NOT NULL (no {@code nullable = false} anywhere in the model); {@code @Digits} on a string changes
     * nothing. Pets' owner has no constraint and stays nullable.
     */
    private void beanValidationDdlMakesRequiredColumnsNotNull(MigrationText v1) {
        Map<String, List<String>> required = Map.of(
                "owners", List.of("first_name", "last_name", "address", "city", "telephone"),
                "vets", List.of("first_name", "last_name"),
                "pets", List.of("name", "type_id"),
                "types", List.of("name"),
                "specialties", List.of("name"),
                "visits", List.of("visit_date", "description", "pet_id"));
        required.forEach((table, columns) -> columns.forEach(column -> assertTrue(
                String.valueOf(v1.column(table, column)).endsWith("not null"),
                table + "." + column + " is " + v1.column(table, column) + " in\n" + v1)));
        assertEquals("varchar(255) not null", v1.column("owners", "telephone"), v1.sql());
        assertTrue(!v1.column("pets", "owner_id").contains("not null"), v1.sql());
    }

    /** Owners by last name, their pets by name (@OrderBy), each pet's visits by date (@OrderBy); vets' specialties. */
    private static void assertClinic() {
        RestAssured.get("/clinic/owners").then().log().ifValidationFails().statusCode(200)
                .body("lastName", contains("Davis", "Franklin"))
                .body("telephone", contains("6085551749", "6085551023"))
                .body("[1].pets.name", contains("Jewel", "Rosy"))
                .body("[1].pets[1].visits.description", contains("spayed", "rabies shot"))
                .body("[1].pets[1].visits.date", contains("2023-01-02", "2024-03-04"))
                .body("[1].pets[1].birthDate", org.hamcrest.Matchers.equalTo("2020-09-07"))
                .body("[0].pets.type", contains("cat"));
        RestAssured.get("/clinic/vets").then().log().ifValidationFails().statusCode(200)
                .body("lastName", contains("Carter", "Douglas"))
                .body("[1].specialties", contains("dentistry", "surgery"));
    }

    private static Map<String, Object> pet(String name, String birthDate, String type) {
        return Map.of("name", name, "birthDate", birthDate, "type", type);
    }

    @SafeVarargs
    private static Response register(String first, String last, String address, String city, String telephone,
            Map<String, Object>... pets) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("firstName", first, "lastName", last, "address", address, "city", city,
                        "telephone", telephone, "pets", List.of(pets)))
                .post("/clinic/owners").then().log().ifValidationFails().statusCode(201).extract().response();
    }

    private static int petId(Response owner, String name) {
        return owner.jsonPath().getInt("pets.find { it.name == '" + name + "' }.id");
    }

    private static void visit(int pet, String date, String description) {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("date", date, "description", description))
                .post("/clinic/pets/" + pet + "/visits").then().log().ifValidationFails().statusCode(201);
    }

    private static void hire(String first, String last, String... specialties) {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("firstName", first, "lastName", last, "specialties", List.of(specialties)))
                .post("/clinic/vets").then().log().ifValidationFails().statusCode(201);
    }
}
