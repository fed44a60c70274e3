package io.quarkiverse.flywayautogen.core.cli;

import io.quarkiverse.flywayautogen.core.AutogenException;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds {@code @jakarta.persistence.Entity} classes in classpath entries (class folders and jars). Class files are
 * pre-filtered by looking for the annotation's descriptor in their bytes, so only entities are loaded: loading
 * every class would fail on classes whose dependencies are not on the given classpath.
 */
public final class EntityScanner {

    private static final byte[] ENTITY_DESCRIPTOR = "Ljakarta/persistence/Entity;".getBytes(StandardCharsets.UTF_8);

    /** The entities found (possibly none) and the class loader that loaded them from the scanned entries. */
    public record Scan(List<Class<?>> entities, ClassLoader loader) {
    }

    private EntityScanner() {
    }

    /** The CLI's {@code --classpath}: at least one entity, or an {@link AutogenException}. */
    static Scan scan(String classpath) {
        List<Path> entries = new ArrayList<>();
        for (String part : classpath.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                entries.add(Path.of(part));
            }
        }
        Scan scan = scan(entries);
        if (scan.entities().isEmpty()) {
            throw new AutogenException("no @Entity classes found in --classpath " + classpath);
        }
        return scan;
    }

    /**
     * Class folders and jars, as a build tool lists a project's runtime class path: with class folders given, the
     * jars are their dependencies and are not scanned. The loader's parent is the engine's, so that the entities
     * share its Jakarta Persistence and Hibernate classes.
     */
    public static Scan scan(List<Path> entries) {
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            if (!Files.exists(p)) {
                throw new AutogenException("classpath entry does not exist: " + p);
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new AutogenException("bad classpath entry " + p + ": " + e.getMessage());
            }
        }
        TreeSet<String> candidates = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                scanDirectory(entry, candidates);
            } else if (isEntityJar(entry, entries)) {
                scanJar(entry, candidates);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), EntityScanner.class.getClassLoader());
        List<Class<?>> entities = new ArrayList<>();
        for (String name : candidates) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    entities.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AutogenException("cannot load entity " + name + " (" + e + "); its dependencies must be on the class path");
            }
        }
        return new Scan(entities, loader);
    }

    /** With class folders given, jars are their dependencies (not scanned); otherwise the jars hold the entities. */
    private static boolean isEntityJar(Path entry, List<Path> entries) {
        return entry.toString().endsWith(".jar") && entries.stream().noneMatch(Files::isDirectory);
    }

    private static void scanDirectory(Path root, TreeSet<String> candidates) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                if (mentionsEntity(Files.readAllBytes(f))) {
                    String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                    candidates.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new AutogenException("cannot scan " + root + ": " + e.getMessage(), e);
        }
    }

    private static void scanJar(Path jar, TreeSet<String> candidates) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> e = file.entries();
            while (e.hasMoreElements()) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        if (mentionsEntity(in.readAllBytes())) {
                            String n = entry.getName();
                            candidates.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new AutogenException("cannot scan jar " + jar + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean mentionsEntity(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - ENTITY_DESCRIPTOR.length; i++) {
            for (int j = 0; j < ENTITY_DESCRIPTOR.length; j++) {
                if (bytes[i + j] != ENTITY_DESCRIPTOR[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
