package io.quarkiverse.flywayautogen.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * What some tests need beyond a JDK, each with a check and the one line a new user reads when it is missing: what to
 * install. {@link Prerequisites} turns a missing one into a skip, or into a failure under {@code CI=true}.
 */
public enum Prerequisite {

    /** The PostgreSQL test server of {@link PostgresTestServer}. */
    POSTGRESQL {
        @Override
        String check() {
            try (Connection ignored = DriverManager.getConnection(PostgresTestServer.URL, PostgresTestServer.USER,
                    PostgresTestServer.PASSWORD)) {
                return null;
            } catch (SQLException e) {
                return "needs PostgreSQL at " + PostgresTestServer.URL + " as role " + PostgresTestServer.USER
                        + " (password " + PostgresTestServer.PASSWORD + ", CREATEDB) [" + firstLine(e.getMessage())
                        + "]: apt-get install postgresql, then as .ci/run does: pg_ctlcluster 15 main start;"
                        + " CREATE ROLE autogen LOGIN CREATEDB PASSWORD 'autogen'; createdb -O autogen autogen"
                        + " (another server: -D" + PostgresTestServer.URL_PROPERTY + "/-user/-password)";
            }
        }
    },

    /** The MariaDB test server of {@link MariaDbTestServer}. */
    MARIADB {
        @Override
        String check() {
            try (Connection ignored = DriverManager.getConnection(MariaDbTestServer.URL, MariaDbTestServer.USER,
                    MariaDbTestServer.PASSWORD)) {
                return null;
            } catch (SQLException e) {
                return "needs MariaDB at " + MariaDbTestServer.URL + " as user " + MariaDbTestServer.USER
                        + " (password " + MariaDbTestServer.PASSWORD + ", may create databases) [" + firstLine(e.getMessage())
                        + "]: apt-get install mariadb-server, then as .ci/run does: service mariadb start;"
                        + " CREATE USER 'autogen'@'127.0.0.1' IDENTIFIED BY 'autogen'; GRANT ALL ON *.* TO"
                        + " 'autogen'@'127.0.0.1'; CREATE DATABASE autogen";
            }
        }
    },

    /** A headless Chromium for Playwright: Debian's, or one Playwright installed into its cache. */
    CHROMIUM {
        @Override
        String check() {
            if (Files.isExecutable(Chromium.debian()) || Chromium.playwrights()) {
                return null;
            }
            return "needs Chromium for the Dev UI browser tests (none at " + Chromium.debian()
                    + " nor in Playwright's cache): apt-get install chromium";
        }
    },

    /** A Docker API, as Testcontainers and Dev Services talk to: Docker, or Podman's Docker-compatible socket. */
    CONTAINER_ENGINE {
        @Override
        String check() {
            String host = System.getenv("DOCKER_HOST");
            String where = host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
            if (ContainerEngine.answers(where)) {
                return null;
            }
            return "needs a container engine with a Docker API at " + where + " (DOCKER_HOST): apt-get install"
                    + " podman, then podman system service --time=0 unix:///run/podman/podman.sock & and"
                    + " DOCKER_HOST=unix:///run/podman/podman.sock (or install Docker)";
        }
    };

    private volatile String missing;
    private volatile boolean checked;

    /** {@code null} when it is there, else what to install; checked once per test JVM. */
    public String missing() {
        if (!checked) {
            synchronized (this) {
                if (!checked) {
                    missing = check();
                    checked = true;
                }
            }
        }
        return missing;
    }

    abstract String check();

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Where the Dev UI browser tests find a browser (see DevUiCardPage). */
    static final class Chromium {

        static final String PROPERTY = "flyway-autogen.test.chromium";

        private Chromium() {
        }

        /** Debian's Chromium, or {@code -Dflyway-autogen.test.chromium}. */
        static Path debian() {
            return Path.of(System.getProperty(PROPERTY, "/usr/bin/chromium"));
        }

        /** Whether {@code ./mvnw exec:java ... CLI install chromium} has put a Chromium into Playwright's cache. */
        static boolean playwrights() {
            String configured = System.getenv("PLAYWRIGHT_BROWSERS_PATH");
            Path cache = configured != null && !configured.isBlank() && !"0".equals(configured) ? Path.of(configured)
                    : Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
            if (!Files.isDirectory(cache)) {
                return false;
            }
            try (Stream<Path> browsers = Files.list(cache)) {
                return browsers.anyMatch(p -> p.getFileName().toString().startsWith("chromium"));
            } catch (IOException e) {
                return false;
            }
        }
    }

    static final class ContainerEngine {

        private ContainerEngine() {
        }

        /** Connects to the Docker API's socket (a Unix socket or tcp://host:port), nothing more. */
        static boolean answers(String dockerHost) {
            try {
                URI uri = URI.create(dockerHost);
                if ("unix".equals(uri.getScheme())) {
                    Path socket = Path.of(uri.getPath());
                    if (!Files.exists(socket)) {
                        return false;
                    }
                    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        return channel.connect(UnixDomainSocketAddress.of(socket));
                    }
                }
                if ("tcp".equals(uri.getScheme())) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                        return true;
                    }
                }
                return false;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
