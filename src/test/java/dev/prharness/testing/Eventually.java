package dev.prharness.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens asynchronously (a job finishing), failing after a generous limit. */
public final class Eventually {

    private Eventually() {}

    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
