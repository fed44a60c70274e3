package io.quarkiverse.flywayautogen.maven;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.artifact.Artifact;

/**
 * The Quarkus JDBC extensions a project depends on, by the db-kind each serves. A datasource without
 * {@code db-kind} gets the kind of the only one present, as Quarkus infers it at build time
 * ({@code DefaultDataSourceDbKindBuildItem}): the Panache quickstarts configure no db-kind at all, and the goals must
 * read them as their own build does.
 */
record JdbcExtensions(SortedSet<String> kinds) {

    /** {@code io.quarkus:quarkus-jdbc-postgresql}, {@code io.quarkiverse.jdbc:quarkus-jdbc-sqlite}, ... */
    private static final Pattern RUNTIME_ARTIFACT = Pattern.compile("quarkus-jdbc-([a-z0-9]+)");

    static JdbcExtensions of(Collection<Artifact> artifacts) {
        SortedSet<String> kinds = new TreeSet<>();
        for (Artifact artifact : artifacts) {
            String group = artifact.getGroupId();
            if (!group.equals("io.quarkus") && !group.startsWith("io.quarkiverse")) {
                continue;
            }
            Matcher name = RUNTIME_ARTIFACT.matcher(artifact.getArtifactId());
            if (name.matches()) {
                kinds.add(name.group(1));
            }
        }
        return new JdbcExtensions(kinds);
    }

    static JdbcExtensions none() {
        return new JdbcExtensions(new TreeSet<>());
    }

    /** The db-kind Quarkus would infer: present only when exactly one JDBC extension is. */
    Optional<String> inferredKind() {
        return kinds.size() == 1 ? Optional.of(kinds.first()) : Optional.empty();
    }

    /** Why nothing could be inferred, for the error that asks for {@code db-kind}. */
    String whyNotInferred() {
        return kinds.isEmpty() ? "the project depends on no Quarkus JDBC extension (quarkus-jdbc-*)"
                : "the project depends on several Quarkus JDBC extensions (" + String.join(", ", kinds) + ")";
    }
}
