package io.quarkiverse.flywayautogen.core.postgresql.comments;

public enum Mood { HAPPY, SLEEPY }
