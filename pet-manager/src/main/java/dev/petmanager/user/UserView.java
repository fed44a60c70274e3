package dev.petmanager.user;

import java.time.Instant;

/** A user as the API shows it. */
public record UserView(Long id, String name, String email, Instant createdAt, long version) {

    public static UserView of(User user) {
        return new UserView(user.id, user.name, user.email, user.createdAt, user.version);
    }
}
