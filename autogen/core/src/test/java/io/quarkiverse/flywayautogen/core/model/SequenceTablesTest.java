package io.quarkiverse.flywayautogen.core.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTablesTest {

    @Test
    void namesAnEntitysSequenceAndFindsTheEntityBackWhateverTheCase() {
        assertEquals("Fruit_SEQ", SequenceTables.of("Fruit"));
        assertEquals(Optional.of("Fruit"), SequenceTables.entityTableOf("Fruit_SEQ"));
        assertEquals(Optional.of("fruit"), SequenceTables.entityTableOf("fruit_seq"), "PostgreSQL folds the unquoted name");
        assertTrue(SequenceTables.entityTableOf("sequel").isEmpty());
        assertFalse(SequenceTables.isSequenceName("Fruit"));
    }
}
