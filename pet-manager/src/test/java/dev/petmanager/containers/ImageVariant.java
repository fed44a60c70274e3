package dev.petmanager.containers;

import java.util.List;

/**
 * One of the service's images: the Dockerfile that builds it from pet-manager/target, what that build must have
 * produced, the Debian packages its local base gets instead of the Dockerfile's default base, where its SQLite
 * volume is mounted, and the memory limit it must serve load under.
 */
record ImageVariant(String name, String dockerfile, String artifact, String buildCommand, List<String> basePackages,
        String dataDir, String memoryLimit) {

    static final ImageVariant NATIVE = new ImageVariant("native", "docker/Dockerfile.native",
            "pet-manager/target/pet-manager-1.0.0-SNAPSHOT-runner", "./mvnw package -Dnative -DskipTests -pl pet-manager",
            // glibc and libz are in every Debian root; the executable's other needs (ldd) and the healthcheck's curl
            List.of("curl"), "/work/data", "128m");

    static final ImageVariant JVM = new ImageVariant("jvm", "docker/Dockerfile.jvm",
            "pet-manager/target/quarkus-app/quarkus-run.jar", "./mvnw package -DskipTests -pl pet-manager",
            List.of("openjdk-17-jre-headless", "curl"), "/deployments/data", "512m");

    String baseImageName() {
        return "pet-manager-containers-" + name + "-base";
    }
}
