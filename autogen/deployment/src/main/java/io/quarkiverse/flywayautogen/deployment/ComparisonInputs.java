package io.quarkiverse.flywayautogen.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * A digest of everything one comparison reads: the declarations of the mapped classes (not their method bodies),
 * the migration files, and the settings. Most live reloads change code that cannot change the mapping — a resource,
 * a service, the body of an entity's method — and when the digest is the one of the last comparison, its result
 * still holds and the reload skips the migration replay and the Hibernate bootstrap.
 * <p>
 * Declarations are read from the Jandex index: for every entity, embeddable, mapped superclass and converter, and
 * every application class they extend, hold in a field (an enum, an embeddable) or name in an annotation (a
 * converter): the class's annotations, its fields' names, types and annotations, and its instance methods'
 * signatures and annotations (property access maps getters). Mapping files ({@code orm.xml}) are left out, as the
 * extension's entity model reads annotations only.
 */
public record ComparisonInputs(String digest) {

    private static final List<DotName> MAPPED = Stream.of("Entity", "Embeddable", "MappedSuperclass", "Converter")
            .map(simple -> DotName.createSimple("jakarta.persistence." + simple)).toList();

    static ComparisonInputs of(IndexView index, Path migrations, String settings) {
        MessageDigest digest = sha256();
        update(digest, "settings", settings);
        mappedDeclarations(index).forEach((name, declaration) -> update(digest, name, declaration));
        migrationFiles(migrations, digest);
        return new ComparisonInputs(HexFormat.of().formatHex(digest.digest()));
    }

    /** Class name to its declaration text, sorted so that the digest does not depend on index order. */
    private static TreeMap<String, String> mappedDeclarations(IndexView index) {
        TreeMap<String, String> declarations = new TreeMap<>();
        Deque<ClassInfo> toVisit = new ArrayDeque<>();
        for (DotName annotation : MAPPED) {
            for (AnnotationInstance found : index.getAnnotations(annotation)) {
                if (found.target().kind() == AnnotationTarget.Kind.CLASS) {
                    toVisit.add(found.target().asClass());
                }
            }
        }
        while (!toVisit.isEmpty()) {
            ClassInfo type = toVisit.poll();
            if (declarations.containsKey(type.name().toString())) {
                continue;
            }
            declarations.put(type.name().toString(), declaration(type));
            Stream.of(Stream.of(type.superName()),
                    type.fields().stream().flatMap(f -> namesIn(f.type())),
                    type.annotations().stream().flatMap(ComparisonInputs::classesNamedIn))
                    .flatMap(s -> s)
                    .map(index::getClassByName)
                    .filter(Objects::nonNull)
                    .forEach(toVisit::add);
        }
        return declarations;
    }

    private static String declaration(ClassInfo type) {
        StringBuilder text = new StringBuilder();
        text.append(type.flags()).append(' ').append(type.superClassType()).append(' ').append(type.interfaceTypes())
                .append(sorted(type.declaredAnnotations())).append('\n');
        type.fields().stream().sorted(Comparator.comparing(FieldInfo::name)).forEach(field -> text
                .append(field.flags()).append(' ').append(field.type()).append(' ').append(field.name())
                .append(sorted(field.annotations())).append('\n'));
        // static methods (a Panache finder, a factory) are never persistent properties
        type.methods().stream().filter(m -> !Modifier.isStatic(m.flags()))
                .map(ComparisonInputs::signature).sorted().forEach(m -> text.append(m).append('\n'));
        return text.toString();
    }

    private static String signature(MethodInfo method) {
        return method.flags() + " " + method.returnType() + " " + method.name() + method.parameterTypes()
                + sorted(method.annotations());
    }

    private static List<String> sorted(List<AnnotationInstance> annotations) {
        return annotations.stream().map(AnnotationInstance::toString).sorted().toList();
    }

    private static Stream<DotName> namesIn(Type type) {
        return switch (type.kind()) {
            case PARAMETERIZED_TYPE -> Stream.concat(Stream.of(type.name()),
                    type.asParameterizedType().arguments().stream().flatMap(ComparisonInputs::namesIn));
            case ARRAY -> namesIn(type.asArrayType().constituent());
            case CLASS -> Stream.of(type.name());
            default -> Stream.empty();
        };
    }

    /** Classes an annotation names, such as {@code @Convert(converter = ...)}. */
    private static Stream<DotName> classesNamedIn(AnnotationInstance annotation) {
        return annotation.values().stream().flatMap(value -> switch (value.kind()) {
            case CLASS -> namesIn(value.asClass());
            case ARRAY -> value.componentKind() == AnnotationValue.Kind.CLASS
                    ? Stream.of(value.asClassArray()).flatMap(ComparisonInputs::namesIn) : Stream.empty();
            default -> Stream.empty();
        });
    }

    private static void migrationFiles(Path folder, MessageDigest digest) {
        if (!Files.isDirectory(folder)) {
            update(digest, "no migrations folder", folder.toString());
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, folder.relativize(file).toString(), "");
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations in " + folder, e);
        }
    }

    private static void update(MessageDigest digest, String name, String text) {
        digest.update((name + '\0' + text + '\0').getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
