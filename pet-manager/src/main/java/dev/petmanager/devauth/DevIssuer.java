package dev.petmanager.devauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Dev mode's own token issuer, so that {@code quarkus:dev} needs no identity provider: on first start it writes an
 * RSA key pair to {@code pet-manager.dev-auth.key-dir} (in the user's home, outside the source tree; the service
 * verifies with its public half through {@code mp.jwt.verify.publickey.location}), and it signs tokens for a dev user
 * and a dev admin. Exists only in the dev build profile, and the jar leaves this package out
 * ({@code quarkus.package.jar.user-configured-ignored-entries}).
 */
@Singleton
@IfBuildProfile("dev")
public class DevIssuer {

    private static final Logger LOG = Logger.getLogger(DevIssuer.class);
    private static final long LIFETIME_SECONDS = 12 * 3600;

    private final Path keyDir;
    private final String issuer;
    private final String audience;
    private final String groupsPath;
    private PrivateKey signingKey;

    public DevIssuer(@ConfigProperty(name = "pet-manager.dev-auth.key-dir") String keyDir,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences,
            @ConfigProperty(name = "smallrye.jwt.path.groups", defaultValue = "groups") String groupsPath) {
        this.keyDir = Path.of(keyDir);
        this.issuer = issuer;
        this.audience = audiences.get(0);
        this.groupsPath = groupsPath;
    }

    void onStart(@Observes StartupEvent start) throws IOException, GeneralSecurityException {
        Path privatePem = keyDir.resolve("private.pem");
        if (!Files.exists(privatePem)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(keyDir);
            Path tmp = Files.createTempFile(keyDir, "private", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(keyDir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmp, privatePem);
            LOG.infof("Generated the dev token issuer's key pair in %s", keyDir);
        }
        String base64 = Files.readString(privatePem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
        signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        // the port dev mode listens on, which -Dquarkus.http.port may have moved
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        LOG.infof("Dev tokens (12 h): curl -s localhost:%d/dev/tokens/user (or /dev/tokens/admin), then send"
                + " 'Authorization: Bearer <token>'", port);
    }

    /** A signed token for the dev user ({@code dev-user}) or the dev admin ({@code dev-admin}, role admin). */
    public String token(boolean admin) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(admin ? "dev-admin" : "dev-user");
        claims.setClaim("preferred_username", admin ? "dev-admin" : "dev-user");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(LIFETIME_SECONDS / 60f);
        putAt(claims, groupsPath, admin ? List.of("user", "admin") : List.of("user"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    /** Roles go where the service reads them: {@code realm_access/roles} nests, {@code groups} does not. */
    private static void putAt(JwtClaims claims, String path, Object value) {
        String[] names = path.split("/");
        if (names.length == 1) {
            claims.setClaim(path, value);
            return;
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        claims.setClaim(names[0], nested);
        for (int i = 1; i < names.length - 1; i++) {
            Map<String, Object> inner = new LinkedHashMap<>();
            nested.put(names[i], inner);
            nested = inner;
        }
        nested.put(names[names.length - 1], value);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
