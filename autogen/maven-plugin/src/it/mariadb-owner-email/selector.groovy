// Runs only where the MariaDB test server answers (.ci/run starts Debian's and creates user and database autogen).
// Without one a new user's build skips it with one line saying what to install; under CI=true it runs anyway, so a
// missing server fails the build instead of losing the test.
try {
    new Socket('127.0.0.1', 3306).close()
    return true
} catch (IOException e) {
    if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
        println "CI=true and mariadb-owner-email needs MariaDB at 127.0.0.1:3306 (user autogen/autogen, database autogen): running it to fail"
        return true
    }
    println "SKIPPED: mariadb-owner-email needs MariaDB at 127.0.0.1:3306 as user autogen/autogen with a database autogen and rights on autogen_*: apt-get install mariadb-server, then the user and database as .ci/run creates them"
    return false
}
