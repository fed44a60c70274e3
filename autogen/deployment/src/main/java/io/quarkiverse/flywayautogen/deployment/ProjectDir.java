package io.quarkiverse.flywayautogen.deployment;

import java.nio.file.Path;

import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.bootstrap.workspace.WorkspaceModule;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;

/** The directory relative migration locations are resolved against: the application's module, else the cwd. */
final class ProjectDir {

    private ProjectDir() {
    }

    static Path of(CurateOutcomeBuildItem curate, OutputTargetBuildItem target) {
        ApplicationModel model = curate.getApplicationModel();
        WorkspaceModule module = model == null ? null : model.getApplicationModule();
        if (module != null && module.getModuleDir() != null) {
            return module.getModuleDir().toPath();
        }
        Path output = target.getOutputDirectory();
        return output != null && output.getParent() != null ? output.getParent() : Path.of("").toAbsolutePath();
    }
}
