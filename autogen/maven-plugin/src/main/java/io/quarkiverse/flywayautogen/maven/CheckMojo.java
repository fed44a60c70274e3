package io.quarkiverse.flywayautogen.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code ./mvnw flyway-autogen:check}: compiles the project first, so that it compares the entities as they are
 * in the sources, then checks as {@code check-no-fork} does. Bind {@code check-no-fork} in the pom instead: this
 * goal would compile a second time.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends CheckNoForkMojo {
}
