package io.quarkiverse.flywayautogen.core.corpus.model.snake;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Named by CamelCaseToUnderscoresNamingStrategy: table warehouse, column display_name, sequence warehouse_seq. */
@Entity
public class Warehouse extends PanacheStyleEntity {
    @Column(nullable = false, length = 60)
    public String displayName;
    public LocalDate openedOn;

    @OneToMany(mappedBy = "homeWarehouse")
    public List<StockItem> stockItems = new ArrayList<>();
}
