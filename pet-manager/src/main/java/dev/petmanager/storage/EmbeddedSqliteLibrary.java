package dev.petmanager.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.graalvm.nativeimage.c.function.CFunction;
import org.graalvm.nativeimage.c.type.CCharPointer;
import org.graalvm.nativeimage.c.type.CTypeConversion;
import org.graalvm.nativeimage.c.type.CTypeConversion.CCharPointerHolder;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ImageMode;

/**
 * In the native executable, hands sqlite-jdbc its JNI library from the copy the executable carries (the resource
 * sqlite-jdbc's own native-image feature embeds), through an anonymous memory file, instead of letting it find one.
 * Left alone, sqlite-jdbc runs {@code uname -o} in a subprocess to tell Android from Linux and writes the library
 * to a new file in /tmp on every start (about 100 ms of the executable's start). A memory file ({@code memfd_create})
 * has no name in any folder, so no other process can put another library in its place, and it is sealed against
 * writes before it is loaded; its bytes are compared with the embedded ones after sealing. sqlite-jdbc is then
 * pointed at it with {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} ({@code /proc/self/fd/<n>}) and loads
 * it with {@code System.load}, skipping the operating-system probe and the extraction.
 * <p>
 * On the JVM, where there is no executable to carry the library, and wherever the memory file cannot be made (no
 * {@code /proc}, an old kernel), sqlite-jdbc's own loading stays in charge. An operator's own
 * {@code -Dorg.sqlite.lib.path} wins too.
 */
final class EmbeddedSqliteLibrary {

    private static final Logger LOG = Logger.getLogger(EmbeddedSqliteLibrary.class);


    private EmbeddedSqliteLibrary() {
    }

    /** Whether this process has been through {@link #provide()}; a static field's initial value is build-time safe. */
    private static boolean asked;

    /**
     * Called before every connection is opened; does its work at the first call only. Not a holder class's static
     * initialiser: Quarkus initialises classes when the executable is built, which would run it then, in the builder.
     */
    static synchronized void provide() {
        if (asked) {
            return;
        }
        asked = true;
        if (ImageMode.current() != ImageMode.NATIVE_RUN || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            Path library = sealedMemoryFile();
            System.setProperty("org.sqlite.lib.path", library.getParent().toString());
            System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warnf("SQLite's library will be extracted to the temporary folder, as no memory file could hold it: %s", e);
        }
    }

    /**
     * Where sqlite-jdbc keeps its library for glibc Linux on this processor; its feature embeds the one of the
     * platform the executable is built on (a musl build finds none here and keeps sqlite-jdbc's own loading).
     */
    static String resource() {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        return "org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
    }

    /** The embedded library in a sealed memory file, as {@code /proc/self/fd/<n>}. */
    static Path sealedMemoryFile() throws IOException {
        String resource = resource();
        byte[] library;
        try (InputStream in = EmbeddedSqliteLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in the executable");
            }
            library = in.readAllBytes();
        }
        int descriptor = Linux.newSealableMemoryFile("sqlite-jdbc");
        if (descriptor < 0) {
            throw new IOException("memfd_create failed");
        }
        Path file = Path.of("/proc/self/fd", Integer.toString(descriptor));
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(library);
        }
        if (!Linux.sealAgainstChanges(descriptor)) {
            throw new IOException("the memory file could not be sealed");
        }
        if (!Arrays.equals(library, Files.readAllBytes(file))) {
            throw new IOException("the memory file does not hold the embedded library");
        }
        return file;
    }

    /**
     * The two libc calls this needs, linked into the native executable only. Every GraalVM type is used in here
     * alone: the jar has no GraalVM API on its class path, and never loads this class.
     */
    private static final class Linux {
        static final int MFD_CLOEXEC = 0x1;
        static final int MFD_ALLOW_SEALING = 0x2;
        static final int F_ADD_SEALS = 1033;
        /** F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE: no one can change the file any more. */
        static final int F_SEAL_ALL = 0x1 | 0x2 | 0x4 | 0x8;

        static int newSealableMemoryFile(String name) {
            try (CCharPointerHolder cName = CTypeConversion.toCString(name)) {
                return memfd_create(cName.get(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
            }
        }

        static boolean sealAgainstChanges(int descriptor) {
            return fcntl(descriptor, F_ADD_SEALS, F_SEAL_ALL) == 0;
        }

        @CFunction
        static native int memfd_create(CCharPointer name, int flags);

        /** fcntl is variadic in C; its third argument is read as an int for F_ADD_SEALS. */
        @CFunction
        static native int fcntl(int descriptor, int command, int argument);
    }
}
