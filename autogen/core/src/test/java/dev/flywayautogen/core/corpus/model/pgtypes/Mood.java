package dev.flywayautogen.core.corpus.model.pgtypes;

public enum Mood { HAPPY, SLEEPY, GRUMPY }
