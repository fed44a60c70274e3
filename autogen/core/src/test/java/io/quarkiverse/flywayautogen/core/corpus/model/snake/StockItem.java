package io.quarkiverse.flywayautogen.core.corpus.model.snake;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.util.LinkedHashSet;
import java.util.Set;

/** Table stock_item, FK home_warehouse_id, element collection table stock_item_search_keywords. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"skuCode", "homeWarehouse_id"}))
public class StockItem extends PanacheStyleEntity {
    @Column(nullable = false, length = 32)
    public String skuCode;
    public int quantityOnHand;

    @ManyToOne
    public Warehouse homeWarehouse;

    @ElementCollection
    public Set<String> searchKeywords = new LinkedHashSet<>();
}
