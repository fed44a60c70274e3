// Both folders got V2 under the same name; each is written for its own database.
def folder = { vendor -> new File(basedir, "src/main/resources/db/migration/${vendor}") }
def sqlite = new File(folder('sqlite'), 'V2__add_owner_email.sql')
def postgresql = new File(folder('postgresql'), 'V2__add_owner_email.sql')
assert sqlite.isFile() : "generate did not write the SQLite V2: ${folder('sqlite').list()}"
assert postgresql.isFile() : "generate did not write the PostgreSQL V2: ${folder('postgresql').list()}"
assert sqlite.text.startsWith('-- V2__add_owner_email.sql (sqlite): add owner email\n')
assert postgresql.text.startsWith('-- V2__add_owner_email.sql (postgresql): add owner email\n')
assert postgresql.text.contains('ALTER TABLE "owner" ADD COLUMN "email" varchar(254);')

def log = new File(basedir, 'build.log').text
assert log.contains('1 pending operation(s):\n[ERROR]   add column owner.email varchar(254) null')
assert log.contains("Flyway autogenerate: wrote ${sqlite.absolutePath}")
assert log.contains("Flyway autogenerate: wrote ${postgresql.absolutePath}")
assert log.contains("the postgresql migrations in ${folder('postgresql').absolutePath} match the entities")
// the last check ran without a shadow server: SQLite checked, PostgreSQL said to be unchecked, and the build passes
assert log.contains("the postgresql migrations in ${folder('postgresql').absolutePath} are not checked: the postgresql dialect needs a server")
assert log.findAll('BUILD SUCCESS').size() == 3
return true
