package dev.petmanager.api.problem;

import java.util.List;

/**
 * The service's JAX-RS resource classes, handed to this package by the application (which knows every resource
 * package), so that the API layer never depends on the resources built on it.
 */
public record ResourceClasses(List<Class<?>> classes) {
}
