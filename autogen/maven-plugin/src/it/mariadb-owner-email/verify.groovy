// The MariaDB daily loop: the replays run in shadow databases on the datasource's own server, dropped afterwards.
def migrations = new File(basedir, 'src/main/resources/db/migration')
def written = new File(migrations, 'V2__add_owner_email.sql')
assert written.isFile() : "generate did not write V2__add_owner_email.sql: ${migrations.list()}"
def script = written.text
assert script.startsWith('-- V2__add_owner_email.sql (mariadb): add owner email\n')
assert script.contains('ALTER TABLE `owner` ADD COLUMN `email` varchar(254) NULL;') : script

def log = new File(basedir, 'build.log').text
assert log.contains("Flyway autogenerate: wrote ${written.absolutePath}")
assert log.contains('match the 1 entities')
assert log.findAll('BUILD SUCCESS').size() == 2
assert !log.contains('Migrating schema')
return true
