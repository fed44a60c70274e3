package dev.petmanager.storage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a method that writes to the database. SQLite admits one writer at a time, and a writer that finds the lock
 * taken waits in SQLite's busy handler, which polls with sleeps of up to 100 ms: under many concurrent writers that
 * wastes most of the time. {@link SingleWriterInterceptor} queues writers in the JVM instead, around the whole
 * transaction, so each starts the moment the previous one commits. Readers are not affected (WAL).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface SingleWriter {
}
