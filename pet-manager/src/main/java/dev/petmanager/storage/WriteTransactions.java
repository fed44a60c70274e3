package dev.petmanager.storage;

/**
 * How every database write of the service is run: each {@link Write} in a transaction that has committed when
 * {@link #execute} returns, so a 2xx always means stored. The resources have one code path; the strategy behind it is
 * the database's, chosen at build time by {@code quarkus.datasource.db-kind}:
 * <ul>
 * <li>SQLite admits one writer at a time: {@link WriteQueue} runs every write on one thread and group-commits them.
 * <li>PostgreSQL runs concurrent writers itself: {@link ConcurrentWriteTransactions} runs a few write transactions at
 * once on the request threads, and group-commits the writes that arrive meanwhile.
 * </ul>
 * Either may run a write more than once, so a write does all its reads and changes inside {@link Write#run()} and
 * keeps no state outside it.
 */
public sealed interface WriteTransactions permits WriteQueue, ConcurrentWriteTransactions {

    /** A change to the database; its result (often a view of what it wrote) becomes the caller's result. */
    @FunctionalInterface
    interface Write<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code write} in a write transaction and returns its result once the transaction committed, or throws what
     * {@code write} threw (or what the commit threw).
     */
    <T, E extends Exception> T execute(Write<T, E> write) throws E;

    /** A write that arrives while the service shuts down; the API answers 503. */
    final class ShuttingDown extends IllegalStateException {
        ShuttingDown() {
            super("the service is shutting down and accepts no more writes");
        }
    }
}
