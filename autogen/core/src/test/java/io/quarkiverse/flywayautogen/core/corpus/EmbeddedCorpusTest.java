package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.embedded.Address;
import io.quarkiverse.flywayautogen.core.corpus.model.embedded.Customer;
import io.quarkiverse.flywayautogen.core.corpus.model.embedded.Phone;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** @Embedded (twice, once with overridden columns) and @ElementCollection of a basic and of an embeddable. */
class EmbeddedCorpusTest {

    @Test
    void embeddedAndElementCollectionsFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.javaNames()) {
            db.generateFirstMigrationAndApply(Customer.class);
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Customer.class)) {
                Customer ann = new Customer();
                ann.name = "Ann";
                ann.home = address("1 Main St", "Springfield", "12345");
                ann.billing = address("PO Box 7", "Shelbyville", "54321");
                ann.tags.addAll(List.of("vip", "newsletter"));
                ann.phones.add(phone("home", "+1 555 0100"));
                ann.phones.add(phone("mobile", "+1 555 0199"));
                sf.inTransaction(s -> s.persist(ann));
                sf.inTransaction(s -> {
                    Customer read = s.find(Customer.class, ann.id);
                    assertEquals("Ann", read.name);
                    assertEquals("1 Main St", read.home.street);
                    assertEquals("Springfield", read.home.city);
                    assertEquals("12345", read.home.postalCode);
                    assertEquals("PO Box 7", read.billing.street);
                    assertEquals("Shelbyville", read.billing.city);
                    assertEquals("54321", read.billing.postalCode);
                    assertEquals(Set.of("vip", "newsletter"), Set.copyOf(read.tags));
                    assertEquals(2, read.phones.size());
                    assertEquals("home", read.phones.get(0).kind);
                    assertEquals("+1 555 0199", read.phones.get(1).number);
                });
            }
            assertEquals(2, db.rowCount("Customer_tags"));
            assertEquals(2, db.rowCount("CustomerPhone"));
            db.assertNoChanges(Customer.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Customer.class);
        }
    }

    private static Address address(String street, String city, String zip) {
        Address a = new Address();
        a.street = street;
        a.city = city;
        a.postalCode = zip;
        return a;
    }

    private static Phone phone(String kind, String number) {
        Phone p = new Phone();
        p.kind = kind;
        p.number = number;
        return p;
    }
}
