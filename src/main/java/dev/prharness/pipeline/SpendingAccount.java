package dev.prharness.pipeline;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who pays for the reviews run on this thread (and the threads it starts): a repository and the installation it
 * belongs to. The server sets it around each job; the CLI and the Action run without one, so only the per-review
 * budget applies there.
 */
public record SpendingAccount(String repository, long installationId) {

    private static final InheritableThreadLocal<SpendingAccount> CURRENT = new InheritableThreadLocal<>();

    /** Runs {@code work} with this account charged for its reviews. */
    public <T> T charge(Supplier<T> work) {
        SpendingAccount before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public static Optional<SpendingAccount> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
