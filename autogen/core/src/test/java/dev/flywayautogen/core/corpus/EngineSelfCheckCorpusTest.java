package dev.flywayautogen.core.corpus;

import dev.flywayautogen.core.AutogenOptions;
import dev.flywayautogen.core.AutogenResult;
import dev.flywayautogen.core.Autogenerate;
import dev.flywayautogen.core.corpus.model.constraints.Book;
import dev.flywayautogen.core.corpus.model.constraints.Country;
import dev.flywayautogen.core.corpus.model.embedded.Customer;
import dev.flywayautogen.core.corpus.model.ids.Counter;
import dev.flywayautogen.core.corpus.model.ids.Fruit;
import dev.flywayautogen.core.corpus.model.ids.Gizmo;
import dev.flywayautogen.core.corpus.model.ids.Ticket;
import dev.flywayautogen.core.corpus.model.ids.Token;
import dev.flywayautogen.core.corpus.model.inheritance.joined.CardPayment;
import dev.flywayautogen.core.corpus.model.inheritance.joined.CashPayment;
import dev.flywayautogen.core.corpus.model.inheritance.joined.Payment;
import dev.flywayautogen.core.corpus.model.inheritance.perclass.Circle;
import dev.flywayautogen.core.corpus.model.inheritance.perclass.Shape;
import dev.flywayautogen.core.corpus.model.inheritance.perclass.Square;
import dev.flywayautogen.core.corpus.model.inheritance.single.Car;
import dev.flywayautogen.core.corpus.model.inheritance.single.Truck;
import dev.flywayautogen.core.corpus.model.inheritance.single.Vehicle;
import dev.flywayautogen.core.corpus.model.relations.Course;
import dev.flywayautogen.core.corpus.model.relations.Owner;
import dev.flywayautogen.core.corpus.model.relations.Pet;
import dev.flywayautogen.core.corpus.model.relations.Student;
import dev.flywayautogen.core.corpus.model.types.Attachment;
import dev.flywayautogen.core.corpus.model.types.Reading;
import dev.flywayautogen.core.corpus.model.types.Schedule;
import dev.flywayautogen.core.desired.EntitySet;
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
