package dev.petmanager.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client may set on a user. Server-owned fields a client echoes back from a GET are tolerated and ignored;
 * {@code version}, when sent, must match the stored one.
 */
@JsonIgnoreProperties({ "id", "createdAt" })
public record UserInput(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 254) @Pattern(regexp = VISIBLE_TEXT, message = INVISIBLE_CHARACTERS) String email,
        Long version) {

    /**
     * No control or format characters (Unicode Cc, Cf): a right-to-left override (U+202E) makes an address display as
     * another one, and no mail system needs one.
     */
    static final String VISIBLE_TEXT = "[^\\p{Cc}\\p{Cf}]*";
    static final String INVISIBLE_CHARACTERS = "must not contain control or invisible formatting characters"
            + " (such as U+202E)";

    static UserInput of(User user) {
        return new UserInput(user.name, user.email, null);
    }
}
