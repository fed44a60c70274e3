package dev.flywayautogen.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlTextTest {

    @Test
    void equivalentDefaultsNormaliseToOneForm() {
        assertEquals("CURRENT_TIMESTAMP", SqlText.normaliseDefault("(CURRENT_TIMESTAMP)"));
        assertEquals("CURRENT_TIMESTAMP", SqlText.normaliseDefault("current_timestamp"));
        assertEquals("0", SqlText.normaliseDefault("'0'"));
        assertEquals("0", SqlText.normaliseDefault("0"));
        assertEquals("10", SqlText.normaliseDefault("(10)"));
        assertEquals("10", SqlText.normaliseDefault("((10.0))"));
        assertEquals("1", SqlText.normaliseDefault("true"));
        assertEquals("'it''s'", SqlText.normaliseDefault("'it''s'"));
        assertNull(SqlText.normaliseDefault("NULL"));
        assertNull(SqlText.normaliseDefault(null));
    }

    @Test
    void checkExpressionsIgnoreWhitespaceCaseQuotesAndOuterParentheses() {
        String a = SqlText.normaliseExpression("( \"species\"  IN ( 'CAT' ,'DOG' ) )");
        String b = SqlText.normaliseExpression("species in ('CAT','DOG')");
        assertEquals(a, b);
        assertEquals("weight>=0", SqlText.normaliseExpression("WEIGHT >= 0"));
        assertNotEquals(SqlText.normaliseExpression("s in ('cat')"), SqlText.normaliseExpression("s in ('CAT')"), "literals keep their case");
    }

    @Test
    void columnTypesCompareBySqliteAffinity() {
        assertEquals(ColumnType.sqlite("varchar(100)"), ColumnType.sqlite("TEXT"));
        assertEquals(ColumnType.sqlite("bigint"), ColumnType.sqlite("INTEGER"));
        assertNotEquals(ColumnType.sqlite("timestamp"), ColumnType.sqlite("text"));
        assertEquals(true, ColumnType.sqlite("text").narrowsTo(ColumnType.sqlite("integer")));
        assertEquals(false, ColumnType.sqlite("integer").narrowsTo(ColumnType.sqlite("text")));
    }
}
