// Runs where a container engine serves the Docker API (Testcontainers finds it through DOCKER_HOST or Docker's socket)
// and the official image's stand-in can be built (no registry is reachable on the team's machines): tags it as the
// project's Dev Services image. Elsewhere skipped, saying what to install; with CI=true that fails instead.
def skip = { String why ->
    if (Boolean.parseBoolean(System.getenv('CI'))) {
        throw new IllegalStateException("CI=true, and postgres-dev-services cannot run: ${why}")
    }
    println "postgres-dev-services skipped: ${why}"
    return false
}
def install = 'install Docker, or Podman with its Docker API socket and DOCKER_HOST pointing at it' +
        ' (on the team\'s machines: eval "$(bash shared/container-engine/setup.sh socket)")'
def dockerHost = System.getenv('DOCKER_HOST') ?: ''
if (dockerHost.isEmpty() && !new File('/var/run/docker.sock').exists()) {
    return skip("no container engine (DOCKER_HOST is not set, no /var/run/docker.sock): ${install}")
}
def root = basedir.absoluteFile
while (root != null && !new File(root, 'docker/test-stand-ins/postgres.sh').isFile()) {
    root = root.parentFile
}
if (root == null) {
    return skip("no docker/test-stand-ins/postgres.sh above ${basedir}")
}
def build = new ProcessBuilder('bash', 'docker/test-stand-ins/postgres.sh', 'docker.io/library/postgres:15')
        .directory(root).redirectErrorStream(true)
// the script looks for the engine's set-up beside the repository; a git worktree sits one level deeper
for (def dir = root.parentFile; dir != null && System.getenv('CONTAINER_ENGINE_SETUP') == null; dir = dir.parentFile) {
    def setup = new File(dir, 'shared/container-engine/setup.sh')
    if (setup.isFile()) {
        build.environment().put('CONTAINER_ENGINE_SETUP', setup.path)
        break
    }
}
def process = build.start()
def output = new StringBuilder()
process.consumeProcessOutputStream(output)
if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
    process.destroyForcibly()
    return skip('docker/test-stand-ins/postgres.sh did not finish in 10 minutes')
}
if (process.exitValue() != 0) {
    return skip("the PostgreSQL stand-in image could not be built (${output.toString().trim().readLines().last()}): ${install}")
}
return true
