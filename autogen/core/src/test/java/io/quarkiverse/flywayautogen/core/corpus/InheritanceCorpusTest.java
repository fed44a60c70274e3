package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.CardPayment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.CashPayment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.joined.Payment;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Circle;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Shape;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.perclass.Square;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Car;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Truck;
import io.quarkiverse.flywayautogen.core.corpus.model.inheritance.single.Vehicle;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The three inheritance strategies, each from an empty folder, read back polymorphically through the root. */
class InheritanceCorpusTest {

    @Test
    void singleTableWithDiscriminatorFromEmptyFolderPersist() throws Exception {
        Class<?>[] model = {Vehicle.class, Car.class, Truck.class};
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(model);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, model)) {
                Car car = new Car();
                car.plate = "CAR-1";
                car.seats = 5;
                Truck truck = new Truck();
                truck.plate = "TRK-1";
                truck.payloadKg = 12_000L;
                sf.inTransaction(s -> {
                    s.persist(car);
                    s.persist(truck);
                });
                sf.inTransaction(s -> {
                    Car readCar = assertInstanceOf(Car.class, s.find(Vehicle.class, car.id));
                    assertEquals("CAR-1", readCar.plate);
                    assertEquals(5, readCar.seats);
                    Truck readTruck = assertInstanceOf(Truck.class, s.find(Vehicle.class, truck.id));
                    assertEquals(12_000L, readTruck.payloadKg);
                });
            }
            assertEquals("TRUCK", db.query("SELECT kind FROM Vehicle WHERE plate = 'TRK-1'"));
            db.assertNoChanges(model);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, model);
        }
    }

    @Test
    void joinedSubclassTablesFromEmptyFolderPersist() throws Exception {
        Class<?>[] model = {Payment.class, CardPayment.class, CashPayment.class};
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(model);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, model)) {
                CardPayment card = new CardPayment();
                card.amount = new BigDecimal("19.99");
                card.lastDigits = "4242";
                CashPayment cash = new CashPayment();
                cash.amount = new BigDecimal("5.00");
                cash.currency = "EUR";
                Payment plain = new Payment();
                plain.amount = new BigDecimal("1.50");
                sf.inTransaction(s -> {
                    s.persist(card);
                    s.persist(cash);
                    s.persist(plain);
                });
                sf.inTransaction(s -> {
                    CardPayment readCard = assertInstanceOf(CardPayment.class, s.find(Payment.class, card.id));
                    assertEquals(0, new BigDecimal("19.99").compareTo(readCard.amount));
                    assertEquals("4242", readCard.lastDigits);
                    assertEquals("EUR", assertInstanceOf(CashPayment.class, s.find(Payment.class, cash.id)).currency);
                    assertEquals(0, new BigDecimal("1.50").compareTo(s.find(Payment.class, plain.id).amount));
                });
            }
            assertEquals(3, db.rowCount("Payment"));
            assertEquals(1, db.rowCount("CardPayment"));
            db.assertNoChanges(model);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, model);
        }
    }

    @Test
    void tablePerClassWithSharedSequenceFromEmptyFolderPersist() throws Exception {
        Class<?>[] model = {Shape.class, Circle.class, Square.class};
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(model);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, model)) {
                Circle circle = new Circle();
                circle.color = "red";
                circle.radius = 2.5;
                Square square = new Square();
                square.color = "blue";
                square.side = 4;
                sf.inTransaction(s -> {
                    s.persist(circle);
                    s.persist(square);
                });
                assertNotEquals(circle.id, square.id);
                sf.inTransaction(s -> {
                    Circle readCircle = assertInstanceOf(Circle.class, s.find(Shape.class, circle.id));
                    assertEquals(2.5, readCircle.radius);
                    assertEquals("red", readCircle.color);
                    assertEquals(4.0, assertInstanceOf(Square.class, s.find(Shape.class, square.id)).side);
                });
            }
            db.assertNoChanges(model);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, model);
        }
    }
}
