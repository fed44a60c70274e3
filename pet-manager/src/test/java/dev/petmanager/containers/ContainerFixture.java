package dev.petmanager.containers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.petmanager.support.TestIssuer;

/**
 * The image of one variant, and the containers and volumes a test class creates from it: all labelled with this
 * run's id and removed by {@link #close()} (also when a test failed), the image too. Ports are published on
 * 127.0.0.1 only, on a port the engine picks: the API's (8080) and the management interface's (9000, health and
 * metrics). The containers verify tokens with the tests' issuer, whose public key they are given as an operator
 * gives the provider's (MP_JWT_VERIFY_PUBLICKEY, MP_JWT_VERIFY_ISSUER).
 */
final class ContainerFixture implements AutoCloseable {

    static final Duration SHORT = Duration.ofSeconds(60);

    final ImageVariant variant;
    final String run;
    final String label;
    final String image;
    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();
    private boolean built;

    ContainerFixture(ImageVariant variant) {
        this.variant = variant;
        this.run = Long.toString(System.currentTimeMillis(), 36) + ProcessHandle.current().pid();
        this.label = "pet-manager-containers-it=" + run;
        this.image = "localhost/pet-manager-containers-it-" + variant.name() + ":" + run;
    }

    /** Builds the image from the Dockerfile on a local Debian base; prints its size and the build's time. */
    void build() {
        String base = Engine.debianBase(variant.baseImageName(), variant.basePackages());
        long start = System.nanoTime();
        Podman.Result result = Podman.exec(Duration.ofMinutes(10), List.of("podman", "build", "--quiet", "-f",
                variant.dockerfile(), "--build-arg", "BASE_IMAGE=" + base, "--label", label, "-t", image, "."),
                Engine.REPOSITORY);
        if (!result.ok()) {
            throw new AssertionError(result.refusal());
        }
        built = true;
        long bytes = Long.parseLong(Podman.ok(SHORT, "image", "inspect", "--format", "{{.Size}}", image));
        System.out.printf("IMAGE %s %s built in %d s on %s: %.1f MB%n", variant.name(), image,
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), base, bytes / 1e6);
    }

    String volume(String purpose) {
        String name = "pet-manager-containers-it-" + run + "-" + purpose;
        Podman.ok(SHORT, "volume", "create", "--label", label, name);
        volumes.add(name);
        return name;
    }

    /** Creates (does not start) a container of the image with the volume at the variant's data folder. */
    String create(String purpose, String volume, List<String> options) {
        String name = "pet-manager-containers-it-" + run + "-" + purpose;
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--label", label,
                "-p", "127.0.0.1::8080", "-p", "127.0.0.1::9000", "-v", volume + ":" + variant.dataDir(),
                "-e", "MP_JWT_VERIFY_PUBLICKEY=" + new String(TestIssuer.publicKeyPem(), StandardCharsets.US_ASCII),
                "-e", "MP_JWT_VERIFY_ISSUER=" + TestIssuer.issuer()));
        args.addAll(options);
        args.add(image);
        containers.add(name);
        Podman.Result result = Podman.run(SHORT, args);
        if (!result.ok()) {
            throw new AssertionError(result.refusal());
        }
        return name;
    }

    /** Starts the container; the service on its published port (ports are assigned again at each start). */
    Http start(String container) {
        Podman.ok(SHORT, "start", container);
        return http(container);
    }

    Http http(String container) {
        return Http.onLoopback(published(container, 8080));
    }

    /** The management interface (health, metrics) of a started container, on its own published port. */
    Http management(String container) {
        return Http.onLoopback(published(container, 9000));
    }

    private int published(String container, int containerPort) {
        String mapping = Podman.ok(SHORT, "port", container, containerPort + "/tcp");
        Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(mapping);
        if (!port.find()) {
            throw new AssertionError("port " + containerPort + " of " + container + " is not published on 127.0.0.1: "
                    + mapping);
        }
        return Integer.parseInt(port.group(1));
    }

    String inspect(String container, String format) {
        return Podman.ok(SHORT, "inspect", "--format", format, container);
    }

    String logs(String container) {
        Podman.Result logs = Podman.run(SHORT, "logs", "--tail", "40", container);
        return logs.out() + logs.err();
    }

    /** Fields of /proc/1/status inside the container (Uid, VmRSS, VmHWM, ...). */
    Map<String, String> processStatus(String container) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Podman.ok(SHORT, "exec", container, "cat", "/proc/1/status").lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        });
        return fields;
    }

    /** The host folder holding a volume's files (the engine runs as root here, so the test may read them). */
    String volumeFolder(String volume) {
        return Podman.ok(SHORT, "volume", "inspect", "--format", "{{.Mountpoint}}", volume);
    }

    void remove(String container) {
        Podman.run(SHORT, "rm", "-f", "-t", "0", container);
    }

    @Override
    public void close() {
        for (String container : containers) {
            remove(container);
        }
        // anything else labelled with this run (e.g. a container whose creation failed half-way)
        for (String left : Podman.run(SHORT, "ps", "-a", "-q", "--filter", "label=" + label).out().strip().lines().toList()) {
            Podman.run(SHORT, "rm", "-f", "-t", "0", left);
        }
        for (String volume : volumes) {
            Podman.run(SHORT, "volume", "rm", "-f", volume);
        }
        if (built) {
            Podman.run(SHORT, "rmi", "-f", image);
        }
    }
}
