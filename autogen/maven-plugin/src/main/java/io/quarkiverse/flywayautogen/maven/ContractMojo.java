package io.quarkiverse.flywayautogen.maven;

import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import io.quarkiverse.flywayautogen.core.AutogenResult;
import io.quarkiverse.flywayautogen.core.rollout.DeferredDrops;

/**
 * {@code ./mvnw flyway-autogen:contract}: the contract step of a safe rollout. Writes
 * {@code V<next>__contract_....sql}, dropping what the expand migrations deferred into
 * {@code flyway-autogen-deferred.txt} (self-checked: the drops re-diff to the entities), and empties that file. Run it
 * once no replica runs a release that still maps those tables and columns. Only the datasource's own folder: other
 * databases' folders defer and contract on their own.
 */
@Mojo(name = "contract", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class ContractMojo extends AutogenMojo {

    @Override
    void run(Run run) throws MojoFailureException {
        AutogenResult result = run.engine().contract(run.entities(), run.migrations(), run.settings().options().withWrite(true));
        warn(result.warnings());
        if (result.written().isEmpty()) {
            getLog().info("Flyway autogenerate: nothing deferred to drop in " + run.migrations().resolve(DeferredDrops.FILE_NAME));
            return;
        }
        getLog().info("Flyway autogenerate: contract, " + result.operations().size() + " drop(s):\n  " + describe(result));
        for (Path written : result.written()) {
            getLog().info("Flyway autogenerate: wrote " + written.toAbsolutePath());
        }
    }

    @Override
    void noEntities(Path classes) throws MojoFailureException {
        throw new MojoFailureException("Flyway autogenerate: no @Entity classes in " + classes + ", nothing to contract");
    }
}
