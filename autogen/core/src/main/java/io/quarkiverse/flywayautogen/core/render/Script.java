package io.quarkiverse.flywayautogen.core.render;

/** A rendered migration file: its Flyway file name and its exact content. */
public record Script(String fileName, String content) {
}
