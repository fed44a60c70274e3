package io.quarkiverse.flywayautogen.core.postgresql.enums.v2;

public enum Mood { HAPPY, SLEEPY, GRUMPY }
