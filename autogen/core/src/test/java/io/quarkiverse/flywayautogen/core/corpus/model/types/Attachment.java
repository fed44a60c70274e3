package io.quarkiverse.flywayautogen.core.corpus.model.types;

import io.quarkiverse.flywayautogen.core.corpus.model.panache.PanacheStyleEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;

/**
 * @Lob bytes in an entity of their own: Hibernate 7.2 reads a @Lob byte[] with ResultSet.getBlob, which sqlite-jdbc
 * does not implement (SQLFeatureNotSupportedException) whatever the schema, so its rows are read back with JDBC.
 */
@Entity
public class Attachment extends PanacheStyleEntity {
    public String fileName;

    @Lob
    public byte[] content;
}
