def log = new File(basedir, 'build.log').text
def clash = 'have the same version (version 2: V2__add_column_owner_email.sql and V2__add_column_owner_phone.sql)'
assert log.findAll(java.util.regex.Pattern.quote(clash)).size() == 2 : log
assert log.contains('give the one that is not applied anywhere yet a new version')
assert !log.contains('FlywayException')
assert !log.contains('\tat ')
assert new File(basedir, 'src/main/resources/db/migration').list().size() == 3 : 'nothing written'
return true
