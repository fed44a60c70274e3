package dev.petmanager.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client may set on a user. Server-owned fields a client echoes back from a GET are tolerated and ignored;
 * {@code version}, when sent, must match the stored one.
 */
@JsonIgnoreProperties({ "id", "createdAt" })
public record UserInput(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 254) String email,
        Long version) {

    static UserInput of(User user) {
        return new UserInput(user.name, user.email, null);
    }
}
