package io.quarkiverse.flywayautogen.core.selfcheck;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One instance of every concrete entity type, built through the JPA metamodel the way an application would fill
 * it: basic attributes get a value of their Java type, embeddables are filled in turn, required to-one references
 * point at the instance made for the target type, collections stay empty, and generated ids and versions are left
 * to Hibernate. Values are small and deterministic; anything it cannot fill is reported, never guessed.
 */
final class SampleEntities {

    private final Metamodel metamodel;
    private final Predicate<Class<?>> idIsAssigned;
    private final Map<Class<?>, Object> made = new LinkedHashMap<>();
    private final List<Class<?>> inProgress = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int counter;

    SampleEntities(Metamodel metamodel, Predicate<Class<?>> idIsAssigned) {
        this.metamodel = metamodel;
        this.idIsAssigned = idIsAssigned;
    }

    /** Instances in an order that persists parents before the children referencing them. */
    Map<Class<?>, Object> build() {
        metamodel.getEntities().stream()
                .map(EntityType::getJavaType)
                .filter(SampleEntities::isConcrete)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .forEach(this::instanceOf);
        return made;
    }

    List<String> problems() {
        return problems;
    }

    private Object instanceOf(Class<?> type) {
        if (made.containsKey(type)) {
            return made.get(type);
        }
        if (inProgress.contains(type)) {
            return null; // a cycle of required references: the database will say whether null is accepted
        }
        inProgress.add(type);
        try {
            Object entity = newInstance(type);
            fill(entity, metamodel.entity(type), true);
            made.put(type, entity);
            return entity;
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("cannot build a sample " + type.getSimpleName() + ": " + e);
            return null;
        } finally {
            inProgress.remove(type);
        }
    }

    private void fill(Object target, ManagedType<?> type, boolean entity) throws ReflectiveOperationException {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (!(attribute instanceof SingularAttribute<?, ?> singular) || singular.isVersion()) {
                continue; // collections stay as the constructor left them; versions belong to Hibernate
            }
            if (entity && singular.isId() && !idIsAssigned.test(target.getClass())) {
                continue;
            }
            Object value = switch (attribute.getPersistentAttributeType()) {
                case BASIC -> basicValue(attribute.getJavaType());
                case EMBEDDED -> embeddable(attribute.getJavaType());
                case MANY_TO_ONE, ONE_TO_ONE -> reference(attribute.getJavaType());
                default -> null;
            };
            if (value != null) {
                set(target, attribute, value);
            }
        }
    }

    private Object embeddable(Class<?> type) throws ReflectiveOperationException {
        EmbeddableType<?> embeddable = metamodel.embeddable(type);
        Object value = newInstance(type);
        fill(value, embeddable, false);
        return value;
    }

    private Object reference(Class<?> type) {
        Optional<Class<?>> concrete = metamodel.getEntities().stream().map(EntityType::getJavaType)
                .filter(t -> type.isAssignableFrom(t) && isConcrete(t))
                .sorted(java.util.Comparator.comparing(Class::getName)).findFirst().map(t -> (Class<?>) t);
        return concrete.map(this::instanceOf).orElse(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object basicValue(Class<?> type) {
        int n = ++counter;
        if (type == String.class) {
            return "s" + n;
        } else if (type == Integer.class || type == int.class) {
            return n;
        } else if (type == Long.class || type == long.class) {
            return (long) n;
        } else if (type == Short.class || type == short.class) {
            return (short) n;
        } else if (type == Byte.class || type == byte.class) {
            return (byte) n;
        } else if (type == Double.class || type == double.class) {
            return n + 0.5;
        } else if (type == Float.class || type == float.class) {
            return n + 0.5f;
        } else if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        } else if (type == Character.class || type == char.class) {
            return 'a';
        } else if (type == BigDecimal.class) {
            return BigDecimal.valueOf(n);
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(n);
        } else if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1).plusDays(n);
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.of(2024, 1, 1, 10, 0).plusMinutes(n);
        } else if (type == LocalTime.class) {
            return LocalTime.of(10, 0).plusMinutes(n);
        } else if (type == Instant.class) {
            return Instant.parse("2024-01-01T10:00:00Z").plusSeconds(n);
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2024, 1, 1, 10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == ZonedDateTime.class) {
            return ZonedDateTime.of(2024, 1, 1, 10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == OffsetTime.class) {
            return OffsetTime.of(10, 0, n % 60, 0, ZoneOffset.UTC);
        } else if (type == Duration.class) {
            return Duration.ofSeconds(n);
        } else if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(("sample" + n).getBytes(StandardCharsets.UTF_8));
        } else if (type == byte[].class) {
            return new byte[]{(byte) n, 2, 3};
        } else if (type == java.util.Date.class) {
            return new java.util.Date(1_704_103_200_000L + n * 1000L);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        return null; // an unknown type stays null: the database says whether that is allowed
    }

    private static void set(Object target, Attribute<?, ?> attribute, Object value) throws ReflectiveOperationException {
        Member member = attribute.getJavaMember();
        Field field = member instanceof Field f ? f : findField(target.getClass(), attribute.getName());
        if (field != null) {
            field.setAccessible(true);
            field.set(target, value);
            return;
        }
        if (member instanceof Method getter) {
            String setter = "set" + Character.toUpperCase(attribute.getName().charAt(0)) + attribute.getName().substring(1);
            Method m = getter.getDeclaringClass().getDeclaredMethod(setter, getter.getReturnType());
            m.setAccessible(true);
            m.invoke(target, value);
        }
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static boolean isConcrete(Class<?> type) {
        return !Modifier.isAbstract(type.getModifiers()) && !type.isInterface();
    }
}
