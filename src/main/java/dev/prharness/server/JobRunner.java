package dev.prharness.server;

import dev.prharness.events.EventLog;
import dev.prharness.store.Job;
import dev.prharness.store.JobStore;
import dev.prharness.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs stored jobs: a fixed number of workers (virtual threads) claim jobs from the store, renew their lease
 * while they work, and finish each as done, to be retried later, or dead. On shutdown, running jobs get a
 * grace period and are then handed back to the queue, so another replica (or this one after a restart)
 * runs them. A worker whose lease was taken over (by another replica, after it looked dead) is interrupted,
 * and what it did no longer counts.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** How the runner works: workers, lease, polling, retries, shutdown grace. */
    public record Settings(int concurrency, Duration lease, Duration poll, int maxAttempts, Duration firstBackoff,
            Duration shutdownGrace) {}

    private final JobStore store;
    private final Optional<RunObserver> observer;
    private final JobHandler handler;
    private final Settings settings;
    private final Clock clock;
    private final String workerId;
    private final FailurePolicy failures;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pr-harness-lease-renewal").factory());
    private final Map<Long, Thread> running = new ConcurrentHashMap<>();
    private final Set<Long> leasesLost = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean stopping;

    public JobRunner(JobStore store, JobHandler handler, Settings settings, Clock clock, String workerId) {
        this(store, handler, settings, clock, workerId, Optional.empty());
    }

    /** The same, with each attempt also shown to {@code observer} (traces). */
    public JobRunner(JobStore store, JobHandler handler, Settings settings, Clock clock, String workerId,
            Optional<RunObserver> observer) {
        this.observer = observer;
        this.store = store;
        this.handler = handler;
        this.settings = settings;
        this.clock = clock;
        this.workerId = workerId;
        this.failures = new FailurePolicy(settings.firstBackoff(), settings.maxAttempts());
    }

    public void start() {
        for (int i = 0; i < settings.concurrency(); i++) {
            workers.add(Thread.ofVirtual().name("pr-harness-worker-" + i).start(this::work));
        }
    }

    /** Tells idle workers that a job was just stored, so it starts without waiting for the next poll. */
    public void wake() {
        wakeUp.release(settings.concurrency());
    }

    public int runningJobs() {
        return running.size();
    }

    private void work() {
        while (!stopping) {
            Optional<Job> job;
            try {
                job = store.claim(workerId, settings.lease());
            } catch (RuntimeException e) {
                LOG.warn("cannot claim a job from {}: {}", store.describe(), e.getMessage());
                job = Optional.empty();
            }
            if (job.isEmpty()) {
                try {
                    wakeUp.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            run(job.get());
        }
    }

    private void run(Job job) {
        MDC.put("delivery", job.deliveryId());
        MDC.put("job", String.valueOf(job.id()));
        MDC.put("pull_request", job.repository() + "#" + job.pullRequest());
        long started = System.nanoTime();
        running.put(job.id(), Thread.currentThread());
        Duration renewEvery = settings.lease().dividedBy(3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(job), renewEvery.toMillis(),
                renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        String outcome;
        RunRecorder record = new RunRecorder();
        Optional<RunObserver.Attempt> watched = observer.map(o -> o.begin(job));
        BiConsumer<String, Map<String, Object>> events = watched.<BiConsumer<String, Map<String, Object>>>map(record::andThen)
                .orElse(record);
        try (EventLog.Recording ignored = EventLog.record(events)) {
            handler.handle(job, () -> confirmLease(job));
            outcome = store.complete(job.id(), workerId) ? "done" : leaseLost(job);
        } catch (LeaseLostException e) {
            outcome = leaseLost(job);
        } catch (InterruptedException e) {
            outcome = leasesLost.contains(job.id()) ? leaseLost(job) : "interrupted";
        } catch (Exception e) {
            outcome = leasesLost.contains(job.id()) ? leaseLost(job) : finishFailed(job, e);
        } finally {
            renewal.cancel(false);
            running.remove(job.id());
            leasesLost.remove(job.id());
            Thread.interrupted();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        EventLog.emit("job", "job", job.id(), "kind", job.kind(), "attempt", job.attempts(), "outcome", outcome,
                "duration_ms", millis);
        keep(job, record, outcome, millis);
        String ended = outcome;
        watched.ifPresent(attempt -> attempt.end(ended));
        MDC.clear();
    }

    /** Stores the attempt's record; a store that cannot take it now costs the record, never the job. */
    private void keep(Job job, RunRecorder record, String outcome, long millis) {
        try {
            store.saveRunRecord(job.id(), job.attempts(), record.json(outcome, millis));
        } catch (StoreException e) {
            LOG.warn("job {}: the run record was not kept: {}", job.id(), e.getMessage());
        }
    }

    /** Renews the lease now; when it is no longer this worker's, the job must post nothing more. */
    private void confirmLease(Job job) {
        if (leasesLost.contains(job.id()) || !store.renew(job.id(), workerId, settings.lease())) {
            leasesLost.add(job.id());
            throw new LeaseLostException(job.id());
        }
    }

    private String leaseLost(Job job) {
        LOG.warn("job {}: this worker's lease was lost (another replica took the job over); its result does not count",
                job.id());
        return "lease_lost";
    }

    private String finishFailed(Job job, Exception failure) {
        if (stopping && failure.getCause() instanceof InterruptedException) {
            return "interrupted";
        }
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (failures.worthRetrying(failure, job.attempts())) {
            Duration wait = failures.backoff(job.attempts());
            store.retryLater(job.id(), workerId, error, clock.instant().plus(wait));
            LOG.warn("job {} failed (attempt {}), retrying in {} s: {}", job.id(), job.attempts(), wait.toSeconds(), error);
            return "retry";
        }
        store.dead(job.id(), workerId, error);
        LOG.error("job {} failed for good after {} attempts: {}", job.id(), job.attempts(), error);
        return "dead";
    }

    private void renew(Job job) {
        try {
            if (!store.renew(job.id(), workerId, settings.lease()) && leasesLost.add(job.id())) {
                LOG.warn("lost the lease of job {}: another replica took it over; stopping this run", job.id());
                Thread worker = running.get(job.id());
                if (worker != null) {
                    worker.interrupt();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the lease of job {}: {}", job.id(), e.getMessage());
        }
    }

    /** Stops claiming, lets running jobs finish within the grace period, and hands the rest back to the queue. */
    @Override
    public void close() {
        stopping = true;
        wake();
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Map.Entry<Long, Thread> job : running.entrySet()) {
            if (store.release(job.getKey(), workerId)) {
                LOG.info("job {} handed back to the queue at shutdown", job.getKey());
            }
            job.getValue().interrupt();
        }
        workers.forEach(Thread::interrupt);
        renewals.shutdownNow();
    }
}
