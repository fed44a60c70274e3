package io.quarkiverse.flywayautogen.core.postgresql.enums.v3;

public enum Mood { HAPPY }
