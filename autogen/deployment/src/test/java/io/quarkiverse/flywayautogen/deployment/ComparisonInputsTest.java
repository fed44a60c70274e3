package io.quarkiverse.flywayautogen.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs digest decides whether a live reload compares again; an edit that can change the schema must change it,
 * and an edit that cannot (a method body, an unrelated class) must not. Real sources are compiled and indexed.
 */
class ComparisonInputsTest {

    private static final String PET = """
            package app;
            import jakarta.persistence.*;
            @Entity @Table(name = "pets")
            public class Pet {
                @Id @GeneratedValue public Long id;
                @Column(nullable = false, length = 100) public String name;
                @Enumerated(EnumType.STRING) public Kind kind;
                public int legs() { return 4; }
            }
            """;
    private static final String KIND = "package app; public enum Kind { DOG, CAT }";
    private static final String SERVICE = "package app; public class Greeter { public String hi() { return \"hi\"; } }";

    @TempDir
    Path dir;

    @Test
    void editsThatCannotChangeTheSchemaKeepTheDigest() throws IOException {
        ComparisonInputs before = inputs(Map.of("Pet", PET, "Kind", KIND, "Greeter", SERVICE));

        assertEquals(before, inputs(Map.of("Pet", PET, "Kind", KIND, "Greeter", SERVICE)), "same sources");
        assertEquals(before, inputs(Map.of("Pet", PET.replace("return 4;", "return 2 + 2;"), "Kind", KIND,
                "Greeter", SERVICE)), "an entity method's body");
        assertEquals(before, inputs(Map.of("Pet", PET, "Kind", KIND,
                "Greeter", SERVICE.replace("\"hi\"", "\"hello\""))), "a class that is not mapped");
        assertEquals(before, inputs(Map.of("Pet", PET.replace("public int legs()",
                "public static Pet named(String n) { return null; }\n    public int legs()"), "Kind", KIND,
                "Greeter", SERVICE)), "a new static method (a finder)");
    }

    @Test
    void editsThatCanChangeTheSchemaChangeTheDigest() throws IOException {
        ComparisonInputs before = inputs(Map.of("Pet", PET, "Kind", KIND));

        assertNotEquals(before, inputs(Map.of("Pet", PET.replace("public int legs()",
                "public Integer weight; public int legs()"), "Kind", KIND)), "a new field");
        assertNotEquals(before, inputs(Map.of("Pet", PET.replace("length = 100", "length = 120"), "Kind", KIND)),
                "an annotation value");
        assertNotEquals(before, inputs(Map.of("Pet", PET, "Kind", KIND.replace("CAT }", "CAT, BIRD }"))),
                "a constant of an enum a field holds");
        assertNotEquals(before, inputs(Map.of("Pet", PET.replace("public String name", "public char[] name"),
                "Kind", KIND)), "a field's type");
        assertNotEquals(before, inputs(Map.of("Pet", PET.replace("public int legs()",
                "public int getLegCount() { return 4; }\n    public int legs()"), "Kind", KIND)),
                "a new getter (mapped under property access)");
    }

    @Test
    void migrationsAndSettingsAreInputsToo() throws IOException {
        Map<String, String> sources = Map.of("Pet", PET, "Kind", KIND);
        ComparisonInputs before = inputs(sources);
        Path migrations = dir.resolve("migrations");
        Files.writeString(migrations.resolve("V1__init.sql"), "CREATE TABLE pets (id INTEGER PRIMARY KEY);\n");
        ComparisonInputs edited = inputs(sources);

        assertNotEquals(before, edited, "a migration edited");
        Files.writeString(migrations.resolve("V2__more.sql"), "CREATE INDEX ix ON pets (id);\n");
        assertNotEquals(edited, inputs(sources), "a migration added");
        assertNotEquals(ComparisonInputs.of(index(sources), migrations, "mode AUTO"),
                ComparisonInputs.of(index(sources), migrations, "mode MANUAL"), "the settings");
    }

    private ComparisonInputs inputs(Map<String, String> sources) throws IOException {
        return ComparisonInputs.of(index(sources), dir.resolve("migrations"), "settings");
    }

    /** Compiles the sources into a fresh folder and indexes the class files. */
    private Index index(Map<String, String> sources) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Path build = Files.createTempDirectory(dir, "build");
        Path src = Files.createDirectories(build.resolve("src/app"));
        List<String> arguments = new ArrayList<>(List.of("-d", build.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), arguments.toArray(String[]::new));
        assertEquals(0, status, "compiles: " + errors);
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(build.resolve("classes"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        assertTrue(index.getKnownClasses().size() >= sources.size(), "indexed every class");
        return index;
    }
}
