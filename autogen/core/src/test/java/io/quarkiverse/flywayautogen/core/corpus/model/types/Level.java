package io.quarkiverse.flywayautogen.core.corpus.model.types;

public enum Level {
    LOW, MEDIUM, HIGH
}
