package io.quarkiverse.flywayautogen.core.selfcheck;

import io.quarkiverse.flywayautogen.core.desired.EntitySet;
import io.quarkiverse.flywayautogen.core.ops.AlterEnumType;
import io.quarkiverse.flywayautogen.core.ops.AlterSequence;
import io.quarkiverse.flywayautogen.core.ops.CreateEnumType;
import io.quarkiverse.flywayautogen.core.ops.CreateSequence;
import io.quarkiverse.flywayautogen.core.ops.DropEnumType;
import io.quarkiverse.flywayautogen.core.ops.DropSequence;
import io.quarkiverse.flywayautogen.core.ops.Operation;
import io.quarkiverse.flywayautogen.core.ops.RenameTable;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities Hibernate's part of the self-check needs to start, validate and persist for one change: those mapped
 * to a table the operations touch, those that reference one of them, and what those need to start (the entities
 * they reference, their whole inheritance hierarchy).
 * <p>
 * Why the rest can be left out: the script changes only the tables its operations name, so every other table is
 * the same after it as before; and the comparison found no difference between those tables and Hibernate's model
 * of them, else there would be an operation on them. What Hibernate would say about them is therefore not this
 * migration's doing. An entity that references a touched table stays in, since its foreign key points into the
 * change. Sequences and enum types are not tables: a change to one checks every entity.
 */
final class HibernateScope {

    private HibernateScope() {
    }

    /** Empty when every entity is to be checked. */
    static Optional<EntitySet> of(EntitySet entities, Metadata metadata, List<Operation> operations) {
        Set<String> touched = new HashSet<>();
        for (Operation op : operations) {
            if (op instanceof CreateSequence || op instanceof DropSequence || op instanceof AlterSequence
                    || op instanceof CreateEnumType || op instanceof DropEnumType || op instanceof AlterEnumType) {
                return Optional.empty();
            }
            touched.add(normal(op.table()));
            if (op instanceof RenameTable rename) {
                touched.add(normal(rename.to()));
            }
        }
        Map<String, PersistentClass> byName = new HashMap<>();
        metadata.getEntityBindings().forEach(pc -> byName.put(pc.getEntityName(), pc));
        Set<PersistentClass> seeds = new LinkedHashSet<>();
        for (PersistentClass pc : metadata.getEntityBindings()) {
            if (touched.contains(normal(pc.getTable().getName()))
                    || pc.getJoins().stream().map(Join::getTable).anyMatch(t -> touched.contains(normal(t.getName())))) {
                seeds.add(pc);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            if (collection.getCollectionTable() != null && touched.contains(normal(collection.getCollectionTable().getName()))) {
                seeds.add(collection.getOwner());
            }
        }
        Set<String> seedNames = new HashSet<>();
        seeds.forEach(pc -> seedNames.add(pc.getEntityName()));
        for (PersistentClass pc : metadata.getEntityBindings()) {
            if (references(pc, byName).stream().anyMatch(seedNames::contains)) {
                seeds.add(pc);
            }
        }
        if (seeds.isEmpty()) {
            return Optional.empty();
        }
        Set<PersistentClass> scope = new LinkedHashSet<>();
        Deque<PersistentClass> pending = new ArrayDeque<>(seeds);
        while (!pending.isEmpty()) {
            PersistentClass pc = pending.pop();
            if (!scope.add(pc)) {
                continue;
            }
            pending.push(pc.getRootClass());
            pc.getSubclasses().forEach(pending::push);
            for (String referenced : references(pc, byName)) {
                pending.push(byName.get(referenced));
            }
        }
        if (scope.size() == metadata.getEntityBindings().size()) {
            return Optional.empty();
        }
        List<Class<?>> classes = scope.stream().<Class<?>>map(PersistentClass::getMappedClass).filter(c -> c != null).toList();
        return classes.size() == scope.size() ? Optional.of(entities.withClasses(classes)) : Optional.empty();
    }

    /** The entities {@code pc}'s own attributes (embedded ones and collections included) point to. */
    private static Set<String> references(PersistentClass pc, Map<String, PersistentClass> byName) {
        Set<String> found = new HashSet<>();
        for (Property property : pc.getPropertyClosure()) {
            collect(property.getValue(), found);
        }
        if (pc.getIdentifierProperty() != null) {
            collect(pc.getIdentifierProperty().getValue(), found);
        }
        if (pc.getIdentifier() != null) {
            collect(pc.getIdentifier(), found);
        }
        found.retainAll(byName.keySet());
        return found;
    }

    private static void collect(Value value, Set<String> found) {
        if (value instanceof ToOne toOne) {
            found.add(toOne.getReferencedEntityName());
        } else if (value instanceof Component component) {
            component.getProperties().forEach(p -> collect(p.getValue(), found));
        } else if (value instanceof Collection collection) {
            Value element = collection.getElement();
            if (element instanceof OneToMany oneToMany) {
                found.add(oneToMany.getReferencedEntityName());
            } else if (element instanceof ManyToOne manyToMany) {
                found.add(manyToMany.getReferencedEntityName());
            } else {
                collect(element, found);
            }
            if (collection instanceof org.hibernate.mapping.IndexedCollection indexed) {
                collect(indexed.getIndex(), found);
            }
        }
    }

    private static String normal(String name) {
        String unquoted = name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return unquoted.toLowerCase(Locale.ROOT);
    }
}
