package dev.prharness.lint;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Up to {@code size} instances of a linter that keeps state while it runs, each used by one thread at a time and
 * made on first need (loading rules takes long: never under a lock others wait on). A caller with nothing free
 * waits for one to come back.
 */
final class InstancePool<T> {

    private final Supplier<T> factory;
    private final Semaphore free;
    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();

    InstancePool(int size, Supplier<T> factory) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool holds at least one instance, not " + size);
        }
        this.factory = factory;
        this.free = new Semaphore(size, true);
    }

    /** Runs {@code work} with an instance of its own; the instance goes back when {@code work} ends. */
    <R> R with(Function<T, R> work) {
        free.acquireUninterruptibly();
        T instance = null;
        try {
            instance = idle.poll();
            if (instance == null) {
                instance = factory.get();
            }
            return work.apply(instance);
        } finally {
            if (instance != null) {
                idle.offer(instance);
            }
            free.release();
        }
    }
}
