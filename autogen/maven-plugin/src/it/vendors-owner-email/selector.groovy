// Runs only where the PostgreSQL test server answers (.ci/run starts Debian's and creates role and database autogen).
// Without one a new user's build skips it with one line saying what to install; under CI=true it runs anyway, so a
// missing server fails the build instead of losing the test (as the JUnit tests' @Requires does).
try {
    new Socket('localhost', 5432).close()
    return true
} catch (IOException e) {
    if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
        println "CI=true and vendors-owner-email needs PostgreSQL at localhost:5432 (role autogen/autogen, CREATEDB, database autogen): running it to fail"
        return true
    }
    println "SKIPPED: vendors-owner-email needs PostgreSQL at localhost:5432 as role autogen/autogen with CREATEDB and a database autogen: apt-get install postgresql, then pg_ctlcluster 15 main start and the role and database as .ci/run creates them"
    return false
}
