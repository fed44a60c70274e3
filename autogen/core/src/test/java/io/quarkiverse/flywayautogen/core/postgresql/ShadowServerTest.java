package io.quarkiverse.flywayautogen.core.postgresql;

import io.quarkiverse.flywayautogen.core.AutogenException;
import io.quarkiverse.flywayautogen.core.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowServerTest {

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Map<String, String> properties = Map.of(ShadowServer.URL_PROPERTY, "jdbc:postgresql://db:5432/app",
                ShadowServer.USER_PROPERTY, "me");
        Map<String, String> env = Map.of("FLYWAY_AUTOGEN_SHADOW_URL", "jdbc:postgresql://other/x",
                "FLYWAY_AUTOGEN_SHADOW_PASSWORD", "secret");
        ShadowServer server = ShadowServer.configured(properties::get, env::get).orElseThrow();
        assertEquals(new ShadowServer("jdbc:postgresql://db:5432/app", "me", "secret"), server);
    }

    @Test
    void environmentAloneIsEnough() {
        Map<String, String> env = Map.of("FLYWAY_AUTOGEN_SHADOW_URL", "jdbc:postgresql://other/x", "FLYWAY_AUTOGEN_SHADOW_USER", "u");
        assertEquals("u", ShadowServer.configured(k -> null, env::get).orElseThrow().user());
        assertTrue(ShadowServer.configured(k -> null, k -> null).isEmpty());
    }

    @Test
    void shadowDatabaseUrlsReplaceTheDatabaseAndKeepParameters() {
        assertEquals("jdbc:postgresql://localhost:5432/autogen_x?stringtype=unspecified",
                new ShadowServer("jdbc:postgresql://localhost:5432/autogen", null, null).urlOf("autogen_x"));
        assertEquals("jdbc:postgresql://h/autogen_x?ssl=true&stringtype=unspecified",
                new ShadowServer("jdbc:postgresql://h/postgres?ssl=true", null, null).urlOf("autogen_x"));
        assertEquals("jdbc:postgresql://h:5433/autogen_x?stringtype=unspecified",
                new ShadowServer("jdbc:postgresql://h:5433", null, null).urlOf("autogen_x"));
    }

    @Test
    void postgresqlWithoutAServerSaysHowToConfigureOne() {
        if (ShadowServer.configured().isPresent()) {
            return; // this JVM was given a server: the dialect is then simply available
        }
        AutogenException e = assertThrows(AutogenException.class, () -> Dialects.require("postgresql"));
        assertTrue(e.getMessage().contains("-D" + ShadowServer.URL_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("--shadow-url"), e.getMessage());
    }

    @Test
    void notAPostgresUrlIsRefused() {
        assertThrows(AutogenException.class, () -> new ShadowServer("jdbc:sqlite:x.db", null, null));
    }

    @Test
    void credentialsInTheUrlAreTheSameServerAsSeparateOnes() {
        ShadowServer inUrl = new ShadowServer("jdbc:postgresql://db:5432/app?user=me&password=s%26cret&ssl=true", null, null);
        assertEquals(new ShadowServer("jdbc:postgresql://db:5432/app?ssl=true", "me", "s&cret"), inUrl);
        assertEquals("jdbc:postgresql://db:5432/autogen_x?ssl=true&stringtype=unspecified", inUrl.urlOf("autogen_x"),
                "no password in a URL that messages may print");
        assertEquals(new ShadowServer("jdbc:postgresql://db/app", "me", "secret"),
                new ShadowServer("jdbc:postgresql://db/app?user=me&password=secret", "other", "wrong"), "the URL wins, as in pgjdbc");
        assertEquals(new ShadowServer("jdbc:postgresql://db/app", "me", "secret"),
                new ShadowServer("jdbc:postgresql://db/app?password=secret", "me", null));
    }
}
