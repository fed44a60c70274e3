package dev.petmanager.storage;

import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs {@link SingleWriter} methods one at a time, in arrival order. Its priority puts it outside
 * {@code @Transactional} (PLATFORM_BEFORE + 200), so the lock is held from before BEGIN until after COMMIT. The busy
 * timeout stays configured for writers outside this JVM (a migration tool, the sqlite3 shell).
 */
@SingleWriter
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class SingleWriterInterceptor {

    private static final ReentrantLock WRITE_LOCK = new ReentrantLock(true);

    @AroundInvoke
    Object oneAtATime(InvocationContext invocation) throws Exception {
        WRITE_LOCK.lockInterruptibly();
        try {
            return invocation.proceed();
        } finally {
            WRITE_LOCK.unlock();
        }
    }
}
