package io.quarkiverse.flywayautogen.core.model;

import io.quarkiverse.flywayautogen.core.sqlite.SqliteTypes;
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
    void columnTypesCompareAsDeclaredWithSpellingNormalised() {
        assertEquals(SqliteTypes.of("VARCHAR( 40 )"), SqliteTypes.of("varchar(40)"));
        assertEquals(SqliteTypes.of("NUMERIC(10, 2)"), SqliteTypes.of("numeric(10,2)"));
        assertNotEquals(SqliteTypes.of("numeric(10,2)"), SqliteTypes.of("decimal(10,2)"), "Hibernate's validation tells them apart");
        assertEquals(SqliteTypes.of("character varying(5)"), SqliteTypes.of("varchar(5)"));
        assertNotEquals(SqliteTypes.of("varchar(40)"), SqliteTypes.of("varchar(100)"), "length is declared");
        assertNotEquals(SqliteTypes.of("bigint"), SqliteTypes.of("INTEGER"), "same affinity, other declaration");
        assertNotEquals(SqliteTypes.of("varchar(255)"), SqliteTypes.of("text"));
        assertNotEquals(SqliteTypes.of("numeric(10,2)"), SqliteTypes.of("numeric(12,4)"));
        assertEquals(SqliteTypes.of("int"), SqliteTypes.of("integer"), "one JDBC type, one affinity");
        assertNotEquals(SqliteTypes.ofSoleKey("int"), SqliteTypes.ofSoleKey("integer"), "only an INTEGER key is a rowid alias");
    }

    @Test
    void narrowingIsShorterSmallerOrOutOfTheFamily() {
        assertEquals(true, SqliteTypes.of("text").narrowsTo(SqliteTypes.of("integer")));
        assertEquals(false, SqliteTypes.of("integer").narrowsTo(SqliteTypes.of("text")));
        assertEquals(false, SqliteTypes.of("varchar(40)").narrowsTo(SqliteTypes.of("varchar(100)")));
        assertEquals(true, SqliteTypes.of("varchar(100)").narrowsTo(SqliteTypes.of("varchar(40)")));
        assertEquals(false, SqliteTypes.of("varchar(100)").narrowsTo(SqliteTypes.of("text")));
        assertEquals(true, SqliteTypes.of("text").narrowsTo(SqliteTypes.of("varchar(100)")));
        assertEquals(false, SqliteTypes.of("integer").narrowsTo(SqliteTypes.of("bigint")));
        assertEquals(true, SqliteTypes.of("bigint").narrowsTo(SqliteTypes.of("integer")));
        assertEquals(false, SqliteTypes.of("numeric(10,2)").narrowsTo(SqliteTypes.of("numeric(12,2)")));
        assertEquals(true, SqliteTypes.of("numeric(10,2)").narrowsTo(SqliteTypes.of("numeric(10,1)")));
        assertEquals(false, SqliteTypes.of("integer").narrowsTo(SqliteTypes.of("float")));
        assertEquals(false, SqliteTypes.of("real").narrowsTo(SqliteTypes.of("double")));
    }

    @Test
    void andOrKeepOnlyTheParenthesesTheyNeed() {
        assertEquals(SqlText.normaliseExpression("low <= high AND (low >= 0 OR high IS NULL)"),
                SqlText.normaliseExpression("((low <= high) AND ((low >= 0) OR (high IS NULL)))"));
        assertEquals("low<=high and (low>=0 or high is null)",
                SqlText.normaliseExpression("((low <= high) AND ((low >= 0) OR (high IS NULL)))"));
        assertEquals("a>0 or b>0 and c>0", SqlText.normaliseExpression("(a > 0) OR ((b > 0) AND (c > 0))"));
        assertEquals(SqlText.normaliseExpression("status IN ('A', 'B') OR status IS NULL"),
                SqlText.normaliseExpression("((status IN ('A','B')) OR (status IS NULL))"));
    }

    @Test
    void betweenKeepsItsAndAndLiteralsAndIdentifiersAreNoKeywords() {
        assertEquals("amount between 1 and 100 and color<>'red or blue'",
                SqlText.normaliseExpression("(amount BETWEEN 1 AND 100) AND (color <> 'red or blue')"));
        assertEquals("order_no>0", SqlText.normaliseExpression("(order_no > 0)"));
        assertNotEquals(SqlText.normaliseExpression("(a > 0 OR b > 0) AND c > 0"), SqlText.normaliseExpression("a > 0 OR b > 0 AND c > 0"));
    }
}
