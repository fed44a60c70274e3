package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.catalog.Product;
import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Book;
import io.quarkiverse.flywayautogen.core.corpus.model.constraints.Country;
import io.quarkiverse.flywayautogen.core.corpus.model.embedded.Customer;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Counter;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Fruit;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Gizmo;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Ticket;
import io.quarkiverse.flywayautogen.core.corpus.model.ids.Token;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.CardPayment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.CashPayment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.Payment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Circle;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Shape;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Square;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Car;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Truck;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Vehicle;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Course;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Owner;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Pet;
import io.quarkiverse.flywayautogen.core.corpus.model.relations.Student;
import io.quarkiverse.flywayautogen.core.corpus.model.snake.StockItem;
import io.quarkiverse.flywayautogen.core.corpus.model.snake.Warehouse;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Attachment;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Reading;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Schedule;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The control group: the corpus' oracle (Hibernate's validate, its id generators) accepts the schema Hibernate
 * creates itself. A corpus test that fails while its control passes points at the migrations, not at the harness.
 */
class HibernateDdlControlTest {

    private static final String MODEL = "io.quarkiverse.flywayautogen.core.corpus.model.";
    private static final String EVOLVE = MODEL + "evolve.";

    static Stream<Arguments> models() throws ClassNotFoundException {
        List<Arguments> models = new ArrayList<>(List.of(
                model(false, Counter.class, Fruit.class, Gizmo.class, Ticket.class, Token.class),
                model(false, Country.class, Book.class),
                model(false, Customer.class),
                model(false, Owner.class, Pet.class, Student.class, Course.class),
                model(false, Vehicle.class, Car.class, Truck.class),
                model(false, Payment.class, CardPayment.class, CashPayment.class),
                model(false, Shape.class, Circle.class, Square.class),
                model(false, Reading.class, Schedule.class, Attachment.class),
                model(true, Warehouse.class, StockItem.class),
                model(false, named("clinic.Owner clinic.Pet clinic.PetType clinic.Visit clinic.Vet clinic.Specialty")),
                model(true, Product.class)));
        for (String changed : List.of("addfield.v?.Gadget", "length.v?.Label", "widen.v?.Tally", "lob.v?.Note", "decimal.v?.Price",
                "notnull.v?.Member", "bvnotnull.v?.Member", "newentity.v1.Author", "rename.v1.Crate", "rename.v2.Box", "renametable.v?.Shelf")) {
            for (String version : changed.contains("v?") ? List.of("1", "2") : List.of("")) {
                models.add(model(false, Class.forName(EVOLVE + changed.replace("?", version))));
            }
        }
        models.add(model(false, Class.forName(EVOLVE + "newentity.v2.Author"), Class.forName(EVOLVE + "newentity.v2.Review")));
        return models.stream();
    }

    /** Entities by their names under the corpus' model package, space-separated. */
    static Class<?>[] named(String names) throws ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names.split(" ")) {
            classes.add(Class.forName(MODEL + name));
        }
        return classes.toArray(Class<?>[]::new);
    }

    private static Arguments model(boolean snake, Class<?>... entities) {
        return Arguments.of(Arrays.stream(entities).map(c -> c.getName().substring(MODEL.length())).toList(), snake, entities);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void hibernatesOwnSchemaPassesValidation(List<String> model, boolean snake, Class<?>[] entities) throws IOException {
        try (ScenarioHarness db = snake ? Corpus.snakeNames() : Corpus.javaNames()) {
            Corpus.createSchemaWithHibernate(db, entities);
            Corpus.validatedSessionFactory(db, entities).close();
        }
    }

    @Test
    void hibernatesOwnSequenceTableStartsTicketsAtTheInitialValue() throws IOException {
        try (ScenarioHarness db = Corpus.javaNames()) {
            Corpus.createSchemaWithHibernate(db, Ticket.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Ticket.class)) {
                Ticket first = new Ticket();
                Ticket second = new Ticket();
                sf.inTransaction(s -> {
                    s.persist(first);
                    s.persist(second);
                });
                assertEquals(1000L, first.id);
                assertEquals(1001L, second.id);
            }
        }
    }
}
