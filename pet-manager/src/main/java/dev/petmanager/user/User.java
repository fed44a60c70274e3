package dev.petmanager.user;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * A person who owns pets. E-mail addresses are stored lower-cased, which makes their uniqueness case-insensitive. A
 * user who signed in has the issuer and subject of their tokens; a row an admin created, or one from before sign-in
 * existed, has neither and is reached by admins only.
 */
@Entity
@Cacheable
@Table(name = "users", uniqueConstraints = {
        @UniqueConstraint(name = "uq_users_email", columnNames = "email"),
        @UniqueConstraint(name = "uq_users_issuer_subject", columnNames = { "issuer", "subject" }) })
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    // SQLite's rowid alias must be declared INTEGER, which Hibernate would otherwise validate as bigint.
    @JdbcTypeCode(SqlTypes.INTEGER)
    public Long id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 254)
    public String email;

    /** The {@code iss} claim of this user's tokens; a subject is unique only within its issuer. */
    @Column(length = 255)
    public String issuer;

    /** The {@code sub} claim of this user's tokens. */
    @Column(length = 255)
    public String subject;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<User> findBySubject(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }

    public static Optional<User> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }
}
