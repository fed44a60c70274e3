package io.quarkiverse.flywayautogen.core.corpus.model.checks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/** Compound CHECKs as people write them: AND/OR, parentheses, BETWEEN, IN with NULL, comparisons between columns. */
@Entity
@Check(name = "ck_measure_range", constraints = "low <= high AND (low >= 0 OR high IS NULL)")
@Check(name = "ck_measure_status", constraints = "status IN ('A', 'B') OR status IS NULL")
public class Measure {
    @Id
    public Long id;

    public Integer low;

    public Integer high;

    @Check(constraints = "amount BETWEEN 1 AND 100")
    public Integer amount;

    @Check(constraints = "code <> '' AND length(code) < 10")
    public String code;

    public String status;
}
