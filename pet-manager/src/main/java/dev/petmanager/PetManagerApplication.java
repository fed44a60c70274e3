package dev.petmanager;

import dev.petmanager.storage.StartupFailure;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. A failed start (a migration that fails, a changed checksum, a database newer than this build)
 * ends with one line on stderr that says why, after Quarkus' own log, and exit code 1.
 */
@QuarkusMain
public class PetManagerApplication {

    public static void main(String... args) {
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null) {
                System.err.println("Pet Manager cannot start: " + StartupFailure.describe(failure));
            }
            // Dev mode stops the application on every live reload and starts it again in the same JVM: exiting
            // here would end live coding (and a failed start there is shown on the error page instead).
            if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
                System.exit(exitCode);
            }
        }, args);
    }
}
