package io.quarkiverse.flywayautogen.core.corpus.model.pgtypes;

public enum Mood { HAPPY, SLEEPY, GRUMPY }
