package dev.petmanager.containers;

/** docker/Dockerfile.jvm, from the fast-jar in pet-manager/target/quarkus-app, on Java 17, under 512 MiB. */
class JvmImageIT extends ServiceImageContract {

    JvmImageIT() {
        super(ImageVariant.JVM);
    }
}
