package dev.prharness.server;

import dev.prharness.codehost.CodeHostException;
import dev.prharness.harness.ModelCallException;
import dev.prharness.store.StoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures are worth another try (the code host unreachable or 5xx or rate-limited, the model failing after
 * its own retries, the store, I/O) and how long to wait: exponential backoff with jitter.
 */
final class FailurePolicy {

    private final Duration firstBackoff;
    private final int maxAttempts;

    FailurePolicy(Duration firstBackoff, int maxAttempts) {
        this.firstBackoff = firstBackoff;
        this.maxAttempts = maxAttempts;
    }

    boolean worthRetrying(Throwable failure, int attemptsSoFar) {
        if (attemptsSoFar >= maxAttempts) {
            return false;
        }
        if (failure instanceof CodeHostException host) {
            return host.isTransient();
        }
        return failure instanceof ModelCallException || failure instanceof StoreException || failure instanceof IOException;
    }

    Duration backoff(int attemptsSoFar) {
        long base = firstBackoff.toMillis() * (1L << Math.min(10, Math.max(0, attemptsSoFar - 1)));
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 4));
        return Duration.ofMillis(base - base / 8 + jitter);
    }
}
