package dev.petmanager.pet;

/** The closed set of species a pet can have; stored by name, guarded by a CHECK constraint. */
public enum Species {
    DOG, CAT, BIRD, RABBIT, OTHER
}
