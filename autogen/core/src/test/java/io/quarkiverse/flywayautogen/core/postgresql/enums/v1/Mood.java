package io.quarkiverse.flywayautogen.core.postgresql.enums.v1;

public enum Mood { HAPPY, SLEEPY }
