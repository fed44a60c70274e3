package io.quarkiverse.flywayautogen.core.mariadb;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.DevDatabase;
import io.quarkiverse.flywayautogen.core.dialect.DialectNotConfiguredException;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import io.quarkiverse.flywayautogen.core.dialect.ServerLogin;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the engine finds MariaDB, and refuses MySQL, without a server. */
class MariaDbDialectProviderTest {

    @Test
    void mariadbIsFoundByDbKindAndUrlAndComparesOnlyOnAMariaDbServer() {
        assertEquals("mariadb", Dialects.provider("MariaDB").orElseThrow().name());
        assertEquals("mariadb", Dialects.forUrl("jdbc:mariadb://db:3306/app").orElseThrow().name());
        DevDatabase server = new DevDatabase("jdbc:mariadb://db:3306/app", "me", "secret", false);
        assertEquals("mariadb", Dialects.require("mariadb", Optional.of(server)).name());
        assertInstanceOf(DialectNotConfiguredException.class, assertThrows(AutogenException.class,
                () -> Dialects.require("mariadb", Optional.of(new DevDatabase("jdbc:postgresql://db/app", null, null, false)))));
        AutogenException wrong = assertThrows(AutogenException.class,
                () -> Dialects.require("mariadb", Optional.of(new DevDatabase("jdbc:postgresql://db/app", null, null, true))));
        assertFalse(wrong instanceof DialectNotConfiguredException, "a shadow server set to another database is an error");
    }

    @Test
    void capabilitiesSayNoTransactionalDdlButSequences() {
        var capabilities = Dialects.require("mariadb", Optional.of(new DevDatabase("jdbc:mariadb://db/app", null, null, true))).capabilities();
        assertTrue(!capabilities.transactionalDdl() && capabilities.sequences() && !capabilities.enumTypes()
                && !capabilities.rebuilds() && !capabilities.hibernateDialectSet());
    }

    @Test
    void mysqlIsRefusedWithTheReasonNotReportedAsUnknown() {
        AutogenException e = assertThrows(AutogenException.class, () -> Dialects.require("mysql", Optional.empty()));
        assertTrue(e.getMessage().startsWith("db-kind mysql is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("db-kind=mariadb"), e.getMessage());
        assertEquals("mysql", Dialects.forUrl("jdbc:mysql://db/app").orElseThrow().name());
    }

    @Test
    void credentialsLeaveTheUrlAndOtherDatabasesKeepItsParameters() {
        ServerLogin server = new ServerLogin("jdbc:mariadb://db:3306/app?user=me&password=s3cret&useSsl=false", null, null);
        assertEquals("me", server.user());
        assertEquals("jdbc:mariadb://db:3306/app?useSsl=false", server.url());
        assertEquals("jdbc:mariadb://db:3306/autogen_x?useSsl=false", server.urlOf("autogen_x"));
        assertEquals("jdbc:mariadb://db/autogen_x", new ServerLogin("jdbc:mariadb://db", null, null).urlOf("autogen_x"));
        assertFalse(server.toString().contains("s3cret"));
    }

    @Test
    void typesAsHibernateDeclaresThemAndInformationSchemaReadsThemAreOne() {
        assertEquals(MariaDbTypes.normalise("integer"), MariaDbTypes.normalise("int(11)"));
        assertEquals(MariaDbTypes.normalise("bigint"), MariaDbTypes.normalise("bigint(20)"));
        assertEquals("boolean", MariaDbTypes.normalise("bit"));
        assertEquals("boolean", MariaDbTypes.normalise("bit(1)"));
        assertEquals("boolean", MariaDbTypes.normalise("tinyint(1)"));
        assertEquals("tinyint", MariaDbTypes.normalise("tinyint(4)"));
        assertEquals("double", MariaDbTypes.normalise("float(53)"));
        assertEquals("float", MariaDbTypes.normalise("float"));
        assertEquals("decimal(38,2)", MariaDbTypes.normalise("numeric(38, 2)"));
        assertEquals("datetime(6)", MariaDbTypes.normalise("DATETIME(6)"));
        assertEquals("enum('CAT','DOG')", MariaDbTypes.normalise("enum ('CAT', 'DOG')"));
        assertEquals(java.util.List.of("Cat", "it's"), MariaDbTypes.enumValues(MariaDbTypes.RULES.type("enum('Cat','it''s')")));
        assertTrue(MariaDbTypes.RULES.type("varchar(40)").narrowsTo(MariaDbTypes.RULES.type("varchar(20)")));
        assertFalse(MariaDbTypes.RULES.type("int(11)").narrowsTo(MariaDbTypes.RULES.type("bigint")));
    }
}
