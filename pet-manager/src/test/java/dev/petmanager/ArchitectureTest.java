package dev.petmanager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.petmanager.pet.Pet;
import dev.petmanager.storage.ConcurrentWriteTransactions;
import dev.petmanager.storage.WriteQueue;
import dev.petmanager.storage.WriteTransactions;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;

/**
 * The shape the code must keep, checked on the compiled classes (ArchUnit): packages depend on each other without
 * cycles, and every database write is made inside a write handed to {@link WriteTransactions}, whose strategy the
 * database decides: on SQLite the {@link WriteQueue} (one writer; a write made beside it would wait in SQLite's busy
 * handler and escape the group commit), on PostgreSQL {@link ConcurrentWriteTransactions} (a write made beside it would
 * run outside a transaction that retries a lost race). The resources know only the interface: one code path.
 */
class ArchitectureTest {

    private static final String STORAGE = "dev.petmanager.storage";
    private static final Set<String> WRITE_METHODS = Set.of("persist", "persistAndFlush", "delete", "deleteAll",
            "deleteById", "update", "flush", "merge", "remove", "executeUpdate", "execute", "executeBatch");
    private static final List<Class<?>> WRITING_TYPES = List.of(PanacheEntityBase.class, EntityManager.class,
            jakarta.persistence.Query.class, org.hibernate.Session.class, org.hibernate.query.MutationQuery.class,
            java.sql.Statement.class);

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.petmanager");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.petmanager.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void onlyStorageKnowsWhichWriteStrategyRuns() {
        noClasses().that().resideOutsideOfPackage(STORAGE + "..")
                .should().dependOnClassesThat().belongToAnyOf(WriteQueue.class, ConcurrentWriteTransactions.class)
                .check(SERVICE);
    }

    @Test
    void everyWriteOutsideStorageRunsInsideAWriteTransaction() {
        assertEquals(List.of(), writesOutsideTheQueue(SERVICE));
    }

    @Test
    void theWriteRuleFindsAWriteBesideTheQueue() {
        // The rule is only as good as its ability to see a violation: here one class writes beside the queue.
        JavaClasses fixtures = new ClassFileImporter().importClasses(QueuedWriter.class, WriterBesideTheQueue.class,
                Pet.class, PanacheEntityBase.class, WriteTransactions.class);
        assertEquals(List.of(WriterBesideTheQueue.class.getName() + ".save -> persist"), writesOutsideTheQueue(fixtures));
    }

    /** Each write call (as "Class.method -> write") that is not made, directly or through its callers, in a queued write. */
    private static List<String> writesOutsideTheQueue(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        for (JavaClass type : classes) {
            if (type.getPackageName().startsWith(STORAGE) || !type.getPackageName().startsWith("dev.petmanager")) {
                continue;
            }
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                if (isWrite(call) && !queued(call, new HashSet<>())) {
                    violations.add(type.getName() + "." + call.getOrigin().getName() + " -> " + call.getName());
                }
            }
        }
        return violations.stream().distinct().sorted().toList();
    }

    private static boolean isWrite(JavaMethodCall call) {
        return WRITE_METHODS.contains(call.getName())
                && WRITING_TYPES.stream().anyMatch(type -> call.getTargetOwner().isAssignableTo(type));
    }

    /**
     * Whether {@code access} runs inside a queued write: it is in a lambda of a method that hands work to
     * {@link WriteTransactions#execute}, or it is in the storage package (the strategies themselves), or every call of the method it is
     * in (or of the interface method that one implements) is itself queued.
     */
    private static boolean queued(JavaAccess<?> access, Set<JavaCodeUnit> seen) {
        JavaCodeUnit origin = access.getOrigin();
        if (origin.getOwner().getPackageName().startsWith(STORAGE)) {
            return true;
        }
        if (access.isDeclaredInLambda() && handsWorkToTheQueue(origin)) {
            return true;
        }
        if (!seen.add(origin)) {
            return true; // a recursive call: judged by the other callers
        }
        List<JavaAccess<?>> callers = callersOf(origin);
        return !callers.isEmpty() && callers.stream().allMatch(caller -> queued(caller, seen));
    }

    private static boolean handsWorkToTheQueue(JavaCodeUnit method) {
        return method.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("execute")
                && call.getTargetOwner().isAssignableTo(WriteTransactions.class));
    }

    private static List<JavaAccess<?>> callersOf(JavaCodeUnit unit) {
        Stream<JavaCodeUnit> declarations = Stream.of(unit);
        if (unit instanceof JavaMethod method) {
            String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
            Stream<JavaClass> supertypes = Stream.concat(method.getOwner().getAllRawInterfaces().stream(),
                    method.getOwner().getAllRawSuperclasses().stream());
            declarations = Stream.concat(declarations, supertypes
                    .flatMap(type -> type.tryGetMethod(method.getName(), parameters).stream()));
        }
        // calls and method references (a reference handed to the queue counts as called from where it is made)
        List<JavaAccess<?>> callers = new ArrayList<>();
        declarations.forEach(declaration -> callers.addAll(declaration.getAccessesToSelf()));
        return callers;
    }

    /** Writes the way the resources do. */
    static class QueuedWriter {
        private final WriteTransactions writes;

        QueuedWriter(WriteTransactions writes) {
            this.writes = writes;
        }

        Long save(Pet pet) {
            return writes.execute(() -> {
                pet.persist();
                return pet.id;
            });
        }
    }

    /** Writes on the request thread, beside the queue: what the rule is there to refuse. */
    static class WriterBesideTheQueue {
        Long save(Pet pet) {
            pet.persist();
            return pet.id;
        }
    }
}
