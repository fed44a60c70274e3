package io.quarkiverse.flywayautogen.core.corpus;

import io.quarkiverse.flywayautogen.core.corpus.model.snake.StockItem;
import io.quarkiverse.flywayautogen.core.corpus.model.snake.Warehouse;
import io.quarkiverse.flywayautogen.core.scenarios.ScenarioHarness;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one model named by CamelCaseToUnderscoresNamingStrategy (what Spring Boot uses), from an empty folder. */
class SnakeNamingCorpusTest {

    @Test
    void snakeCaseNamesFromEmptyFolderPersist() throws Exception {
        try (ScenarioHarness db = Corpus.snakeNames()) {
            db.generateFirstMigrationAndApply(Warehouse.class, StockItem.class);
            assertEquals(Set.of("warehouse", "warehouse_seq", "stock_item", "stock_item_seq", "stock_item_search_keywords"),
                    Corpus.snapshot(db).tables().keySet());
            try (SessionFactory sf = Corpus.validatedSessionFactory(db, Warehouse.class, StockItem.class)) {
                Warehouse north = new Warehouse();
                north.displayName = "North";
                north.openedOn = LocalDate.of(2020, 1, 15);
                StockItem bolts = new StockItem();
                bolts.skuCode = "BOLT-M6";
                bolts.quantityOnHand = 500;
                bolts.homeWarehouse = north;
                bolts.searchKeywords.addAll(List.of("bolt", "m6"));
                sf.inTransaction(s -> {
                    s.persist(north);
                    s.persist(bolts);
                });
                sf.inTransaction(s -> {
                    StockItem read = s.find(StockItem.class, bolts.id);
                    assertEquals("BOLT-M6", read.skuCode);
                    assertEquals(500, read.quantityOnHand);
                    assertEquals("North", read.homeWarehouse.displayName);
                    assertEquals(LocalDate.of(2020, 1, 15), read.homeWarehouse.openedOn);
                    assertEquals(Set.of("bolt", "m6"), Set.copyOf(read.searchKeywords));
                });
                StockItem duplicate = new StockItem();
                duplicate.skuCode = "BOLT-M6";
                duplicate.homeWarehouse = north;
                Corpus.assertRefusedAsDuplicate(() -> sf.inTransaction(s -> s.persist(duplicate)),
                        "stock_item.sku_code", "stock_item.home_warehouse_id");
            }
            assertEquals("500", db.query("SELECT quantity_on_hand FROM stock_item"));
            db.assertNoChanges(Warehouse.class, StockItem.class);
            Corpus.assertMigrationsBuildWhatHibernateCreates(db, Warehouse.class, StockItem.class);
        }
    }
}
