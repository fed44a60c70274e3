package dev.petmanager.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The identity provider of the tests: an RSA key pair whose public half the service verifies with. The build hands
 * the service and the tests the same settings (MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER, in the pom), so
 * the in-process app, the jar and the executable all trust it. The keys are made on first use, before any token is
 * sent, and kept under target/ for the rest of the run.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "pet-manager";
    /** The subject of {@link #adminToken()}; the tests that predate sign-in act as this admin. */
    public static final String ADMIN_SUBJECT = "test-admin";

    private static KeyPair keys;

    private TestIssuer() {
    }

    public static String issuer() {
        String issuer = System.getenv("MP_JWT_VERIFY_ISSUER");
        return issuer == null ? "https://issuer.test/pet-manager" : issuer;
    }

    public static String adminToken() {
        return token(ADMIN_SUBJECT, List.of("admin"));
    }

    /** A valid token for {@code subject} with {@code roles}. */
    public static String token(String subject, List<String> roles) {
        return token(claims -> {
            claims.setSubject(subject);
            claims.setStringListClaim("groups", roles);
        });
    }

    /** A token signed with the issuer's key whose claims {@code change} alters after the valid defaults are set. */
    public static String token(Consumer<JwtClaims> change) {
        JwtClaims claims = validClaims();
        change.accept(claims);
        return sign(claims, keys().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static JwtClaims validClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 600));
        return claims;
    }

    public static String sign(JwtClaims claims, java.security.Key key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PublicKey publicKey() {
        return keys().getPublic();
    }

    /** The public key file exactly as the service reads it. */
    public static byte[] publicKeyPem() {
        try {
            keys();
            return Files.readAllBytes(keyDir().resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, String> authorization(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Path keyDir() {
        String location = System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        Path publicKey = location == null ? Path.of("target", "test-issuer", "public.pem") : Path.of(URI.create(location));
        return publicKey.getParent();
    }

    private static synchronized KeyPair keys() {
        if (keys != null) {
            return keys;
        }
        try {
            Path dir = keyDir();
            Path privatePem = dir.resolve("private.pem");
            Path publicPem = dir.resolve("public.pem");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                keys = new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(der(publicPem))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem))));
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                Files.createDirectories(dir);
                Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            }
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the test issuer's keys", e);
        }
    }

    /** A second key pair the service does not trust. */
    public static KeyPair strangerKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        return keys().getPrivate();
    }

    private static byte[] der(Path pem) throws IOException {
        return Base64.getDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----|\\s", ""));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
