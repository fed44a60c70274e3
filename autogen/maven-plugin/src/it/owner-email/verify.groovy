// Run by the invoker after the three builds of invoker.properties; their output is build.log, in order.
def migrations = new File(basedir, 'src/main/resources/db/migration')
def written = new File(migrations, 'V2__add_owner_email.sql')
assert written.isFile() : "generate did not write V2__add_owner_email.sql: ${migrations.list()}"
def script = written.text
assert script.startsWith('-- V2__add_owner_email.sql (sqlite): add owner email\n')
assert script.contains('ALTER TABLE "owner" ADD COLUMN "email" VARCHAR(254);')
assert migrations.list().sort() == ['V1__create_table_owner.sql', 'V2__add_owner_email.sql']

def log = new File(basedir, 'build.log').text
// 1. check: the build fails, and its error lists the operation and says how to generate it
assert log.contains('Flyway autogenerate check: the entities differ from the migrations in')
assert log.contains('1 pending operation(s):\n[ERROR]   add column owner.email varchar(254) null')
assert log.contains('./mvnw flyway-autogen:generate -Dflyway-autogen.message=')
// 2. generate: prints the path it wrote
assert log.contains("Flyway autogenerate: wrote ${written.absolutePath}")
// 3. check again: in sync
assert log.contains('match the 1 entities')
assert log.findAll('BUILD SUCCESS').size() == 2
// the replays of the migrations are quiet: no Flyway or Hibernate INFO lines
assert !log.contains('Migrating schema')
assert !log.contains('HHH')
return true
