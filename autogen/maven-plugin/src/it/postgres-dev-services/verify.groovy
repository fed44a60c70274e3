// A Dev Services project: each goal started a throwaway PostgreSQL container of the configured image, used it as the
// shadow server and removed it.
def migrations = new File(basedir, 'src/main/resources/db/migration')
def written = new File(migrations, 'V1__create_owner.sql')
assert written.isFile() : "generate did not write V1__create_owner.sql: ${migrations.list()}"
def script = written.text
assert script.startsWith('-- V1__create_owner.sql (postgresql): create owner\n')
assert script.contains('CREATE TABLE "owner"')

def log = new File(basedir, 'build.log').text
assert log.findAll('the shadow databases go to a throwaway container of docker.io/library/postgres:15 at jdbc:postgresql://127.0.0.1:').size() == 2
assert log.contains("Flyway autogenerate: wrote ${written.absolutePath}")
assert log.contains('match the 1 entities')
assert log.findAll('BUILD SUCCESS').size() == 2

def removed = (log =~ /removed the throwaway PostgreSQL container ([0-9a-f]{12,})/).collect { it[1] }
assert removed.size() == 2 : 'each goal removes its container'
def cli = ['docker', 'podman'].find { name ->
    System.getenv('PATH').split(File.pathSeparator).any { new File(it, name).canExecute() }
}
if (cli != null) {
    removed.each { id ->
        def ps = [cli, 'ps', '-a', '-q', '--no-trunc', '--filter', "id=${id}"].execute()
        def output = new StringBuilder()
        def errors = new StringBuilder()
        def reader = ps.consumeProcessOutputStream(output)
        ps.consumeProcessErrorStream(errors)
        // a deadline: an engine that does not answer fails the check instead of hanging the build
        assert ps.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) : "${cli} ps did not answer within 2 minutes"
        reader.join(60_000)
        assert ps.exitValue() == 0 : errors
        def out = output.toString().trim()
        assert out.isEmpty() : "container ${id} is still there"
    }
}
return true
