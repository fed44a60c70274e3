package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.AutogenOptions;
import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.Autogenerate;
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
import io.quarkiverse.flywayautogen.core.corpus.model.types.Attachment;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Reading;
import io.quarkiverse.flywayautogen.core.corpus.model.types.Schedule;
import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's own self-check on the whole corpus at once, as dev mode and the CLI run it: Hibernate validates V1
 * on a scratch copy and persists one instance of every entity, built from the metamodel alone (embeddables,
 * required references, composite and assigned ids, inheritance, every id generator side by side).
 */
class EngineSelfCheckCorpusTest {

    static final List<Class<?>> ALL = List.of(Book.class, Country.class, Customer.class, Counter.class, Fruit.class,
            Gizmo.class, Ticket.class, Token.class, Payment.class, CardPayment.class, CashPayment.class, Shape.class,
            Circle.class, Square.class, Vehicle.class, Car.class, Truck.class, Course.class, Owner.class, Pet.class,
            Student.class, Attachment.class, Reading.class, Schedule.class);

    @Test
    void wholeCorpusPassesTheHibernateSelfCheckFromAnEmptyFolder() throws Exception {
        Path migrations = Files.createTempDirectory("corpus-selfcheck-");
        EntitySet entities = new EntitySet(ALL, getClass().getClassLoader(), PhysicalNamingStrategyStandardImpl.class.getName());
        AutogenResult result = Autogenerate.forDialect("sqlite").generate(entities, migrations, AutogenOptions.defaults());
        assertEquals(1, result.written().size(), result.warnings()::toString);
        assertTrue(result.written().get(0).getFileName().toString().startsWith("V1__"));
        AutogenResult again = Autogenerate.forDialect("sqlite").generate(entities, migrations, AutogenOptions.defaults());
        assertTrue(again.inSync() && again.written().isEmpty(), () -> "phantom diff: " + again.operations());
    }
}
