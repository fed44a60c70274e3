package io.quarkiverse.flywayautogen.core.selfcheck;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of every concrete entity type, built through the JPA metamodel the way an application would fill
 * it, as a graph that can be stored: basic attributes get a value of their Java type, embeddables are filled in
 * turn, to-one references (key parts included) point at the instance made for the target type, the owning side of a
 * many-to-many holds the target's instance, generated ids and versions are left to Hibernate. {@link #order()} puts
 * every instance after the ones it references; a cycle is broken at an optional reference, a required
 * self-reference points at the instance itself, an optional one stays null. What cannot be built (a cycle of
 * required references, a type it cannot instantiate) is named in {@link #unbuilt()}: a limit of the sample, not of
 * the schema.
 */
final class SampleEntities {

    /** What the JPA metamodel does not say and Hibernate's mapping does. */
    interface Mapping {
        /** The application gives the id (no generator, or a composite key). */
        boolean idIsAssigned(Class<?> entity);

        /** The attribute holds the foreign key or the join table rows (it is not a {@code mappedBy} side). */
        boolean owns(Class<?> entity, String attribute);

        /** The reference may not be null ({@code optional = false}, a NOT NULL join column). */
        boolean required(Class<?> entity, String attribute);
    }

    /** A reference of {@code from}'s sample to {@code to}'s: a to-one attribute or an element of a many-to-many. */
    private record Link(Class<?> from, Class<?> to, Object holder, Attribute<?, ?> attribute, Object value, boolean required) {
        @Override
        public String toString() {
            return from.getSimpleName() + "." + attribute.getName() + " -> " + to.getSimpleName();
        }
    }

    private final Metamodel metamodel;
    private final Mapping mapping;
    private final Map<Class<?>, Object> made = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Class<?>, String> unbuilt = new LinkedHashMap<>();
    private final List<Class<?>> order = new ArrayList<>();
    private final SampleValues values = new SampleValues();

    SampleEntities(Metamodel metamodel, Mapping mapping) {
        this.metamodel = metamodel;
        this.mapping = mapping;
    }

    /** Builds the instances, links them and orders them; returns {@code this}. */
    SampleEntities build() {
        List<Class<?>> types = metamodel.getEntities().stream().<Class<?>>map(EntityType::getJavaType)
                .filter(SampleEntities::isConcrete).sorted(Comparator.comparing(Class::getName)).toList();
        for (Class<?> type : types) {
            try {
                Object entity = newInstance(type);
                fill(entity, metamodel.entity(type), type, true, false);
                made.put(type, entity);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unbuilt.put(type, "cannot instantiate or fill it: " + e);
            }
        }
        for (Class<?> type : List.copyOf(made.keySet())) {
            try {
                link(type, made.get(type), metamodel.entity(type), false);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unbuilt.put(type, "cannot set its references: " + e);
                made.remove(type);
            }
        }
        orderParentsFirst();
        return this;
    }

    /** The instances to persist, each after every instance it references. */
    List<Class<?>> order() {
        return order;
    }

    Object instance(Class<?> type) {
        return made.get(type);
    }

    /** Why a type has no sample, by type: "self-check could not build a sample for ..." material. */
    Map<Class<?>, String> unbuilt() {
        return unbuilt;
    }

    /** True when {@code type}'s sample references itself: stores that depend on the id generator's timing. */
    boolean referencesItself(Class<?> type) {
        Object self = made.get(type);
        return self != null && links.stream().anyMatch(l -> l.from() == type && l.to() == type);
    }

    /**
     * Before {@code type} is stored: the samples in {@code failed} were not stored, so an optional reference to one
     * is unset, and a required one means {@code type} cannot be stored either (the returned reason).
     */
    Optional<String> withoutReferencesTo(Class<?> type, java.util.Set<Class<?>> failed) {
        for (Link l : List.copyOf(links)) {
            if (l.from() != type || !failed.contains(l.to())) {
                continue;
            }
            if (l.required()) {
                return Optional.of("it needs the sample " + l.to().getSimpleName() + " (" + l + "), which could not be stored");
            }
            unset(l);
        }
        return Optional.empty();
    }

    private void fill(Object target, ManagedType<?> type, Class<?> entity, boolean isEntity, boolean inId)
            throws ReflectiveOperationException {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (!(attribute instanceof SingularAttribute<?, ?> singular) || singular.isVersion()) {
                continue; // collections are linked later; versions belong to Hibernate
            }
            if (isEntity && singular.isId() && !mapping.idIsAssigned(entity)) {
                continue;
            }
            Object value = switch (attribute.getPersistentAttributeType()) {
                case BASIC -> values.of(attribute.getJavaType());
                case EMBEDDED -> embeddable(attribute.getJavaType(), entity, inId || singular.isId());
                default -> null; // references are linked once every instance exists
            };
            if (value != null) {
                set(target, attribute, value);
            }
        }
    }

    private Object embeddable(Class<?> type, Class<?> entity, boolean inId) throws ReflectiveOperationException {
        EmbeddableType<?> embeddable = metamodel.embeddable(type);
        Object value = newInstance(type);
        fill(value, embeddable, entity, false, inId);
        return value;
    }

    /** Sets the references of {@code holder} (the entity or one of its embeddables) and records them as links. */
    private void link(Class<?> entity, Object holder, ManagedType<?> type, boolean inId) throws ReflectiveOperationException {
        boolean isEntity = holder == made.get(entity);
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            boolean owned = !isEntity || mapping.owns(entity, attribute.getName());
            switch (attribute.getPersistentAttributeType()) {
                case MANY_TO_ONE, ONE_TO_ONE -> {
                    if (!owned) {
                        continue;
                    }
                    boolean isId = inId || ((SingularAttribute<?, ?>) attribute).isId();
                    boolean required = isId || !((SingularAttribute<?, ?>) attribute).isOptional()
                            || (isEntity && mapping.required(entity, attribute.getName()));
                    Class<?> target = concreteFor(attribute.getJavaType());
                    if (target == entity) {
                        if (required) { // the only row there can be first: one that is its own parent
                            set(holder, attribute, made.get(entity));
                            links.add(new Link(entity, entity, holder, attribute, made.get(entity), true));
                        }
                    } else if (target != null && made.containsKey(target)) {
                        set(holder, attribute, made.get(target));
                        links.add(new Link(entity, target, holder, attribute, made.get(target), required));
                    } else if (required) {
                        throw new IllegalStateException("no sample " + attribute.getJavaType().getSimpleName()
                                + " for its required " + attribute.getName());
                    }
                }
                case MANY_TO_MANY -> {
                    Class<?> element = ((PluralAttribute<?, ?, ?>) attribute).getElementType().getJavaType();
                    Class<?> target = concreteFor(element);
                    if (owned && target != null && made.containsKey(target)) {
                        add(holder, attribute, made.get(target));
                        if (target != entity) {
                            links.add(new Link(entity, target, holder, attribute, made.get(target), false));
                        }
                    }
                }
                case EMBEDDED -> {
                    Object embedded = get(holder, attribute);
                    if (embedded != null) {
                        link(entity, embedded, metamodel.embeddable(attribute.getJavaType()),
                                inId || ((SingularAttribute<?, ?>) attribute).isId());
                    }
                }
                default -> {
                    // basic values are filled; element collections and one-to-many sides stay as constructed
                }
            }
        }
    }

    /**
     * Parents first. A type waits for the types it links to; when every remaining type waits (a cycle), the first
     * optional link among them is unset, as the application would store such a pair (one side first, without its
     * reference); a cycle of required links only cannot be stored, and neither can what requires it.
     */
    private void orderParentsFirst() {
        propagateUnbuilt();
        List<Class<?>> remaining = new ArrayList<>(made.keySet());
        while (!remaining.isEmpty()) {
            Optional<Class<?>> ready = remaining.stream().filter(t -> links.stream()
                    .noneMatch(l -> l.from() == t && l.to() != t && remaining.contains(l.to()))).findFirst();
            if (ready.isPresent()) {
                order.add(ready.get());
                remaining.remove(ready.get());
                continue;
            }
            Optional<Link> breakable = links.stream().filter(l -> !l.required() && l.from() != l.to()
                    && remaining.contains(l.from()) && remaining.contains(l.to())).findFirst();
            if (breakable.isPresent()) {
                unset(breakable.get());
                continue;
            }
            String cycle = String.join(", ", links.stream().filter(l -> l.from() != l.to() && remaining.contains(l.from())
                    && remaining.contains(l.to())).map(Link::toString).toList());
            for (Class<?> t : remaining) {
                unbuilt.put(t, "its required references form a cycle (" + cycle + ")");
                made.remove(t);
            }
            remaining.clear();
        }
    }

    /** A type whose required reference has no sample has none either; optional references to one are unset. */
    private void propagateUnbuilt() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Link l : List.copyOf(links)) {
                if (made.containsKey(l.from()) && !made.containsKey(l.to())) {
                    if (l.required()) {
                        unbuilt.put(l.from(), "it needs a sample " + l.to().getSimpleName() + " (" + l + ")");
                        made.remove(l.from());
                        changed = true;
                    } else {
                        unset(l);
                    }
                }
            }
        }
    }

    private void unset(Link l) {
        links.remove(l);
        try {
            if (l.attribute() instanceof PluralAttribute<?, ?, ?>) {
                Object collection = get(l.holder(), l.attribute());
                if (collection instanceof java.util.Collection<?> c) {
                    c.remove(l.value());
                }
            } else {
                set(l.holder(), l.attribute(), null);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unset " + l + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object holder, Attribute<?, ?> attribute, Object element) throws ReflectiveOperationException {
        Object collection = get(holder, attribute);
        if (collection == null) {
            Class<?> type = attribute.getJavaType();
            collection = java.util.Set.class.isAssignableFrom(type) ? new java.util.LinkedHashSet<>() : new ArrayList<>();
            set(holder, attribute, collection);
        }
        if (collection instanceof java.util.Collection<?> c) {
            ((java.util.Collection<Object>) c).add(element);
        }
    }

    /** The type itself when concrete, else its first concrete subtype by name; null when there is none. */
    private Class<?> concreteFor(Class<?> type) {
        return metamodel.getEntities().stream().<Class<?>>map(EntityType::getJavaType)
                .filter(t -> type.isAssignableFrom(t) && isConcrete(t))
                .min(Comparator.<Class<?>, Boolean>comparing(t -> t != type).thenComparing(Class::getName)).orElse(null);
    }

    private static Object get(Object target, Attribute<?, ?> attribute) throws ReflectiveOperationException {
        Member member = attribute.getJavaMember();
        Field field = member instanceof Field f ? f : findField(target.getClass(), attribute.getName());
        if (field != null) {
            field.setAccessible(true);
            return field.get(target);
        }
        if (member instanceof Method getter) {
            getter.setAccessible(true);
            return getter.invoke(target);
        }
        return null;
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
