package dev.flywayautogen.core.postgresql.comments;

public enum Mood { HAPPY, SLEEPY }
