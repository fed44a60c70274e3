def migrations = new File(basedir, 'src/main/resources/db/migration')
def generated = migrations.list().findAll { it != 'V1__create_table_owner.sql' }
assert generated.size() == 1 : "expected one new migration: ${migrations.list()}"
// no message: the name sums up the operation
def matcher = generated[0] =~ /^V(\d{14})__add_column_owner_email\.sql$/
assert matcher.matches() : generated[0]
def stamp = java.time.LocalDateTime.parse(matcher.group(1), java.time.format.DateTimeFormatter.ofPattern('yyyyMMddHHmmss'))
def now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
assert !stamp.isAfter(now) && stamp.isAfter(now.minusMinutes(30)) : "${stamp} is not the UTC time of the run (${now})"
assert new File(migrations, generated[0]).text.contains('ALTER TABLE "owner" ADD COLUMN "email" VARCHAR(254);')
return true
