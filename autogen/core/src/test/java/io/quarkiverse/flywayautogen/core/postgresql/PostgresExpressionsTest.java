package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.model.SqlText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What pg_get_expr returns, normalised back to what Hibernate declared. */
class PostgresExpressionsTest {

    @Test
    void defaultsLoseTheirCasts() {
        assertEquals(SqlText.normaliseDefault("'unknown'"), PostgresExpressions.normaliseDefault("'unknown'::character varying"));
        assertEquals(SqlText.normaliseDefault("'2020-01-01'"), PostgresExpressions.normaliseDefault("'2020-01-01'::date"));
        assertEquals(SqlText.normaliseDefault("0"), PostgresExpressions.normaliseDefault("0"));
        assertEquals(SqlText.normaliseDefault("true"), PostgresExpressions.normaliseDefault("true"));
        assertEquals(SqlText.normaliseDefault("CURRENT_TIMESTAMP"), PostgresExpressions.normaliseDefault("CURRENT_TIMESTAMP"));
        assertEquals("'it''s::fine'", PostgresExpressions.normaliseDefault("'it''s::fine'::text"));
    }

    @Test
    void serialDefaultIsNoDeclaredDefault() {
        assertNull(PostgresExpressions.normaliseDefault("nextval('pet_id_seq'::regclass)"));
    }

    @Test
    void inListRewrittenAsAnyArrayComesBack() {
        String stored = "((species)::text = ANY ((ARRAY['DOG'::character varying, 'CAT'::character varying])::text[]))";
        assertEquals(SqlText.normaliseExpression("species in ('DOG','CAT')"), PostgresExpressions.normaliseCheck(stored));
        assertEquals(SqlText.normaliseExpression("level in (1,2)"), PostgresExpressions.normaliseCheck("(level = ANY (ARRAY[1, 2]))"));
    }

    @Test
    void betweenRewrittenAsComparisonsComesBack() {
        assertEquals(SqlText.normaliseExpression("level between 0 and 4"),
                PostgresExpressions.normaliseCheck("((level >= 0) AND (level <= 4))"));
    }

    @Test
    void simpleComparisonLosesItsParentheses() {
        assertEquals(SqlText.normaliseExpression("weight_grams>0"), PostgresExpressions.normaliseCheck("(weight_grams > 0)"));
    }

    @Test
    void numberComparedWithAnotherNumericTypeLosesItsCast() {
        // what PostgreSQL 15's pg_get_constraintdef returns for CHECK (weight_kg>=0) on these column types
        assertEquals(SqlText.normaliseExpression("weight_kg>=0"), PostgresExpressions.normaliseCheck("((weight_kg >= (0)::double precision))"));
        assertEquals(SqlText.normaliseExpression("weight_kg>=0"), PostgresExpressions.normaliseCheck("((weight_kg >= (0)::numeric))"));
        assertEquals(SqlText.normaliseExpression("weight_kg>=0"), PostgresExpressions.normaliseCheck("((weight_kg >= 0))"));
        assertEquals(SqlText.normaliseExpression("d >= -1.5"),
                PostgresExpressions.normaliseCheck("((d >= ('-1.5'::numeric)::double precision))"));
        assertEquals("'it''5'", PostgresExpressions.normaliseDefault("'it''5'::text"), "a number inside a string stays");
    }
}
