package io.quarkiverse.flywayautogen.core.render;

import java.math.BigInteger;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the version of the next migration is chosen ({@code quarkus.flyway-autogen.version-scheme}, the CLI's
 * {@code --version-scheme}).
 * <ul>
 * <li>{@link #INCREMENT}: one more than the highest existing version, same shape ({@code V7} then {@code V8}).
 * Readable, but two branches that each add a migration pick the same number.</li>
 * <li>{@link #TIMESTAMP}: the UTC time of generation as one number, {@code V20261202153000}. Two branches only
 * collide when they generate in the same second. A plain number rather than {@code <major>.<timestamp>}: Flyway
 * orders versions part by part, so it sorts after any increment-scheme version a project already has ({@code V4}
 * &lt; {@code V20261202153000}) and a project can switch schemes at any time; {@code 1.20261202153000} would sort
 * before an existing {@code V4} and Flyway would refuse it as out of order.</li>
 * </ul>
 */
public enum VersionScheme {
    INCREMENT,
    TIMESTAMP;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** {@code increment} or {@code timestamp}, any case; {@link IllegalArgumentException} naming both otherwise. */
    public static VersionScheme parse(String text) {
        for (VersionScheme scheme : values()) {
            if (scheme.name().equalsIgnoreCase(text.trim())) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown version scheme '" + text + "' (expected increment or timestamp)");
    }

    /**
     * The version after {@code highest}. A timestamp is never lower than the highest existing version plus one, so a
     * migration generated on a machine whose clock is behind still sorts last.
     */
    public MigrationVersion next(Optional<MigrationVersion> highest, Clock clock) {
        if (this == INCREMENT) {
            return highest.map(MigrationVersion::next).orElse(MigrationVersion.parse("1"));
        }
        MigrationVersion now = MigrationVersion.parse(SECONDS.format(clock.instant()));
        if (highest.isEmpty() || now.compareTo(highest.get()) > 0) {
            return now;
        }
        BigInteger first = highest.get().parts().get(0);
        return new MigrationVersion(List.of(first.add(BigInteger.ONE)));
    }

    /** As written in configuration. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
