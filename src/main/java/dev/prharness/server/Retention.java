package dev.prharness.server;

import dev.prharness.store.JobStore;
import dev.prharness.store.StoreException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the job store from growing without end: every hour (and a minute after start) finished jobs older than
 * {@code server.retention_days} are deleted; dead jobs stay until an operator retries or purges them.
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final JobStore store;
    private final Duration keep;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pr-harness-retention").factory());

    public Retention(JobStore store, Duration keep) {
        this.store = store;
        this.keep = keep;
    }

    public void start() {
        schedule.scheduleWithFixedDelay(this::prune, 60, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One pass; a store that cannot be reached now is tried again at the next one. */
    public int prune() {
        try {
            int pruned = store.prune(keep);
            if (pruned > 0) {
                LOG.info("retention: deleted {} finished jobs older than {} days", pruned, keep.toDays());
            }
            return pruned;
        } catch (StoreException e) {
            LOG.warn("retention: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
