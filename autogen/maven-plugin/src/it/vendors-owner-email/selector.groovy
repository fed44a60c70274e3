// Runs only where the PostgreSQL test server answers (.ci/run starts Debian's and creates role and database autogen).
try {
    new Socket('localhost', 5432).close()
    return true
} catch (IOException e) {
    println "no PostgreSQL at localhost:5432: vendors-owner-email skipped"
    return false
}
