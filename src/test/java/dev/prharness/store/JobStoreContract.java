package dev.prharness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.commands.CommandLimits;
import dev.prharness.config.BotSettings;
import dev.prharness.pipeline.ReviewBudget;
import dev.prharness.pipeline.SpendingAccount;
import dev.prharness.server.StoreBudget;
import dev.prharness.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every job store does, whatever the database; subclasses say which database. */
abstract class JobStoreContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    protected final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
    protected JobStore store;

    /** A JDBC URL of an empty database for this test. */
    protected abstract String databaseUrl();

    private String databaseUrl;

    @BeforeEach
    void open() {
        databaseUrl = databaseUrl();
        store = JobStore.open(databaseUrl, clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static NewJob review(String delivery, int pr) {
        return new NewJob(delivery, "review", "acme/widgets", pr, 99, "{\"head\":\"" + delivery + "\"}", true);
    }

    @Test
    void anEnqueuedJobIsClaimedOnceWithALease() {
        JobStore.Enqueued enqueued = store.enqueue(review("d1", 7));
        assertFalse(enqueued.duplicate());

        Job job = store.claim("w1", LEASE).orElseThrow();

        assertEquals(enqueued.jobId(), job.id());
        assertEquals(JobStatus.RUNNING, job.status());
        assertEquals(1, job.attempts());
        assertEquals("w1", job.leaseOwner());
        assertEquals(clock.millis() + LEASE.toMillis(), job.leaseUntilMillis());
        assertEquals(Optional.empty(), store.claim("w2", LEASE));
        assertTrue(store.complete(job.id(), "w1"));
        assertEquals(JobStatus.DONE, store.find(job.id()).orElseThrow().status());
    }

    @Test
    void theSameDeliveryIsStoredOnce() {
        long first = store.enqueue(review("same", 7)).jobId();
        JobStore.Enqueued again = store.enqueue(review("same", 7));
        assertTrue(again.duplicate());
        assertEquals(first, again.jobId());
        assertEquals(1, store.jobs().size());
    }

    @Test
    void aNewerReviewSupersedesAQueuedOlderOneOfTheSamePullRequest() {
        long older = store.enqueue(review("push-1", 7)).jobId();
        long otherPr = store.enqueue(review("push-x", 8)).jobId();
        JobStore.Enqueued newer = store.enqueue(review("push-2", 7));

        assertEquals(List.of(older), newer.superseded());
        assertEquals(JobStatus.SUPERSEDED, store.find(older).orElseThrow().status());
        assertEquals(JobStatus.QUEUED, store.find(otherPr).orElseThrow().status());
    }

    @Test
    void jobsOfOnePullRequestRunOneAtATimeInArrivalOrder() {
        long first = store.enqueue(new NewJob("c1", "command", "acme/widgets", 7, 99, "{}", false)).jobId();
        long second = store.enqueue(new NewJob("c2", "command", "acme/widgets", 7, 99, "{}", false)).jobId();
        long elsewhere = store.enqueue(new NewJob("c3", "command", "acme/widgets", 8, 99, "{}", false)).jobId();

        assertEquals(first, store.claim("w1", LEASE).orElseThrow().id());
        assertEquals(elsewhere, store.claim("w2", LEASE).orElseThrow().id(), "another PR's job may run meanwhile");
        assertEquals(Optional.empty(), store.claim("w3", LEASE), "the second job of PR 7 waits for the first");
        store.complete(first, "w1");
        assertEquals(second, store.claim("w3", LEASE).orElseThrow().id());
    }

    @Test
    void aJobWhoseLeaseRanOutIsTakenOverAndTheOldWorkerCanNoLongerFinishIt() {
        long id = store.enqueue(review("d1", 7)).jobId();
        store.claim("dead-replica", LEASE).orElseThrow();
        assertEquals(Optional.empty(), store.claim("live-replica", LEASE));

        clock.advance(LEASE.plusSeconds(1));
        Job taken = store.claim("live-replica", LEASE).orElseThrow();

        assertEquals(id, taken.id());
        assertEquals(2, taken.attempts());
        assertFalse(store.complete(id, "dead-replica"));
        assertFalse(store.renew(id, "dead-replica", LEASE));
        assertTrue(store.renew(id, "live-replica", LEASE));
        assertTrue(store.complete(id, "live-replica"));
    }

    @Test
    void aFailedJobWaitsForItsRetryTimeAndCanBeGivenUp() {
        long id = store.enqueue(review("d1", 7)).jobId();
        store.claim("w1", LEASE).orElseThrow();
        assertTrue(store.retryLater(id, "w1", "GitHub answered 502", clock.instant().plusSeconds(60)));
        assertEquals(Optional.empty(), store.claim("w1", LEASE));

        clock.advance(Duration.ofSeconds(61));
        Job again = store.claim("w1", LEASE).orElseThrow();
        assertEquals("GitHub answered 502", again.lastError());
        assertTrue(store.dead(id, "w1", "gave up after 2 attempts"));
        assertEquals(JobStatus.DEAD, store.find(id).orElseThrow().status());
        assertEquals(Optional.empty(), store.claim("w1", LEASE));
    }

    @Test
    void aReleasedJobIsQueuedAgainWithoutCountingTheAttempt() {
        long id = store.enqueue(review("d1", 7)).jobId();
        store.claim("w1", LEASE).orElseThrow();
        assertTrue(store.release(id, "w1"));
        Job again = store.claim("w2", LEASE).orElseThrow();
        assertEquals(1, again.attempts());
        assertEquals(0, store.queueDepth());
    }

    /**
     * Two store instances on one database, as two replicas would have, each with two workers: every job is
     * claimed exactly once.
     */
    @Test
    void workersOfTwoReplicasNeverClaimTheSameJob() throws Exception {
        int jobs = 60;
        for (int i = 0; i < jobs; i++) {
            store.enqueue(review("d" + i, 100 + i));
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (JobStore otherReplica = JobStore.open(databaseUrl, clock)) {
            List<Future<?>> running = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                JobStore replica = w % 2 == 0 ? store : otherReplica;
                running.add(workers.submit(() -> {
                    start.await();
                    Optional<Job> job;
                    while ((job = replica.claim(worker, LEASE)).isPresent()) {
                        claimed.add(job.get().id());
                        replica.complete(job.get().id(), worker);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }
        Set<Long> distinct = new HashSet<>(claimed);
        assertEquals(claimed.size(), distinct.size(), "a job was claimed twice: " + claimed);
        assertEquals(jobs, distinct.size());
    }

    @Test
    void commandLimitsAreCountedOnceForAllReplicas() throws Exception {
        Duration hour = Duration.ofHours(1);
        try (JobStore otherReplica = JobStore.open(databaseUrl, clock)) {
            CommandLimits here = new CommandLimits(3, 100, store::recordUse);
            CommandLimits there = new CommandLimits(3, 100, otherReplica::recordUse);
            assertTrue(here.allow("mallory", "acme/widgets#7"));
            assertTrue(there.allow("mallory", "acme/widgets#8"));
            assertTrue(here.allow("mallory", "acme/widgets#9"));
            assertFalse(there.allow("mallory", "acme/widgets#10"), "the fourth command in the hour, on either replica");
            assertTrue(here.mayTellReader("acme/widgets#7"));
            assertFalse(there.mayTellReader("acme/widgets#7"), "one polite reply per pull request per hour, in all");

            clock.advance(hour.plusSeconds(1));
            assertTrue(there.allow("mallory", "acme/widgets#11"), "a new hour");
            assertTrue(here.mayTellReader("acme/widgets#7"));

            int uses = 40;
            Set<Integer> counts = ConcurrentHashMap.newKeySet();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < uses; i++) {
                    JobStore replica = i % 2 == 0 ? store : otherReplica;
                    done.add(threads.submit(() -> counts.add(replica.recordUse("pr:acme/widgets#1", hour))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }
            assertEquals(uses, counts.size(), "every use got a count of its own: " + counts);
            assertEquals(uses, counts.stream().mapToInt(Integer::intValue).max().orElseThrow());
        }
    }

    @Test
    void budgetsAreKeptForAllReplicas() throws Exception {
        BotSettings.Budgets budgets = new BotSettings.Budgets(1.00, 0.50, 2.00);
        Optional<SpendingAccount> widgets = Optional.of(new SpendingAccount("acme/widgets", 99));
        Optional<SpendingAccount> gadgets = Optional.of(new SpendingAccount("acme/gadgets", 99));
        try (JobStore otherReplica = JobStore.open(databaseUrl, clock)) {
            StoreBudget here = new StoreBudget(store, budgets, clock);
            StoreBudget there = new StoreBudget(otherReplica, budgets, clock);
            assertEquals(0.50, here.allowance(widgets).capUsd(), 1e-9, "the least of $1 a review and $0.50 left today");

            here.spent(widgets, 0.30);
            assertEquals(0.20, there.allowance(widgets).capUsd(), 1e-9, "the other replica sees what this one spent");

            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    StoreBudget replica = i % 2 == 0 ? here : there;
                    done.add(threads.submit(() -> replica.spent(widgets, 0.01)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }
            ReviewBudget.Allowance spent = there.allowance(widgets);
            assertTrue(spent.refusal().orElse("").contains("the daily model budget of acme/widgets ($0.50) is spent")
                    && spent.refusal().get().contains("resets at 2026-11-30 00:00 UTC"), spent.toString());
            assertTrue(here.allowance(widgets).refusal().isPresent(), "every replica refuses");
            assertEquals(0.50, here.allowance(gadgets).capUsd(), 1e-9, "another repository has its own day");

            clock.advance(Duration.ofDays(1));
            assertEquals(0.50, here.allowance(widgets).capUsd(), 1e-9, "a new day");
            there.spent(gadgets, 1.60);
            ReviewBudget.Allowance month = here.allowance(widgets);
            assertTrue(month.refusal().orElse("").contains("monthly model budget ($2.00) is spent")
                    && month.refusal().get().contains("resets on 2026-12-01"), month.toString());
        }
        ReviewBudget.Allowance none = new StoreBudget(store, new BotSettings.Budgets(0.0, null, null), clock).allowance(widgets);
        assertTrue(none.refusal().isPresent());
    }

    @Test
    void feedbackIsKeptOncePerGestureWithWhatItCovers() {
        JobStore.FeedbackRow path = new JobStore.FeedbackRow("reply:7", "acme/widgets", 70, "f1 f2", "pmd", "EmptyCatchBlock",
                "maintainer", true, "disagree", 1_000, "path", "src/test/**");
        assertTrue(store.addFeedback(path));
        assertTrue(!store.addFeedback(path), "the same gesture, read again, is kept once");
        assertTrue(store.addFeedback(new JobStore.FeedbackRow("reply:8", "acme/widgets", 70, "f1 f2", "pmd", "EmptyCatchBlock",
                "maintainer", true, "restore", 2_000, "rule", "")));
        assertEquals(List.of(path.scope() + " " + path.glob(), "rule "),
                store.feedback(Optional.of("acme/widgets")).stream().map(r -> r.scope() + " " + r.glob()).toList());
        assertEquals(List.of(), store.feedback(Optional.of("acme/gadgets")));
    }

    @Test
    void retentionDeletesOldFinishedJobsButKeepsDeadOnesUntilRetriedOrPurged() {
        long done = store.enqueue(review("old-done", 1)).jobId();
        long dead = store.enqueue(review("old-dead", 2)).jobId();
        store.claim("w1", LEASE);
        store.claim("w1", LEASE);
        assertTrue(store.complete(done, "w1"));
        assertTrue(store.dead(dead, "w1", "GitHub answered 404"));
        clock.advance(Duration.ofDays(15));
        long recent = store.enqueue(review("recent", 3)).jobId();
        store.claim("w1", LEASE);
        assertTrue(store.complete(recent, "w1"));

        assertEquals(1, store.prune(Duration.ofDays(14)));
        assertEquals(List.of(dead, recent), store.jobs().stream().map(Job::id).toList());

        assertEquals(List.of(dead), store.list(Optional.of(JobStatus.DEAD), Optional.empty(), 10).stream().map(Job::id).toList());
        assertEquals(List.of(recent, dead), store.list(Optional.empty(), Optional.of("acme/widgets"), 10).stream().map(Job::id).toList());
        assertEquals(List.of(recent), store.list(Optional.empty(), Optional.empty(), 1).stream().map(Job::id).toList());
        assertEquals(List.of(), store.list(Optional.empty(), Optional.of("acme/other"), 10));

        assertFalse(store.retryDead(recent), "only a dead job is retried");
        assertTrue(store.retryDead(dead));
        Job retried = store.find(dead).orElseThrow();
        assertEquals(JobStatus.QUEUED, retried.status());
        assertEquals(0, retried.attempts());

        assertEquals(1, store.purge(clock.instant().plusSeconds(1)), "the recent done job; the retried one is queued");
    }

    /**
     * Two replicas whose own clocks are hours off, one behind and one ahead, judge a lease by the database's one
     * clock: the lease runs until the database's now plus its length, the replica whose clock is ahead does not
     * take the job over while it holds, and does once it has run out.
     */
    @Test
    void leasesAreGivenAndJudgedByTheDatabasesClock() throws Exception {
        long id = store.enqueue(review("d1", 1)).jobId();
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-8));
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(8));
        try (JobStore slow = JobStore.open(databaseUrl, behind, true); JobStore fast = JobStore.open(databaseUrl, ahead, true)) {
            long before = System.currentTimeMillis();
            Job held = slow.claim("replica-slow", Duration.ofMillis(1500)).orElseThrow();
            assertEquals(id, held.id());
            assertTrue(Math.abs(held.leaseUntilMillis() - (before + 1500)) < 5_000,
                    "the lease runs from the database's now, not the replica's clock: " + held.leaseUntilMillis());
            assertEquals(Optional.empty(), fast.claim("replica-fast", Duration.ofSeconds(30)),
                    "the lease still holds, though this replica's clock is 8 hours ahead");
            assertTrue(slow.renew(id, "replica-slow", Duration.ofMillis(1500)));

            Thread.sleep(1_800);
            Job takenOver = fast.claim("replica-fast", Duration.ofSeconds(30)).orElseThrow();
            assertEquals(id, takenOver.id());
            assertFalse(slow.renew(id, "replica-slow", Duration.ofSeconds(30)), "the old holder learns it lost the job");
            assertFalse(slow.complete(id, "replica-slow"));
        }
    }

    @Test
    void theStoreSaysWhetherItIsReachableAndCountsTheQueue() {
        store.enqueue(review("d1", 7));
        store.enqueue(review("d2", 8));
        assertTrue(store.reachable());
        assertEquals(2, store.queueDepth());
    }

    @Test
    void aSuspendedOrRemovedInstallationLosesItsQueuedJobsAndGetsNoNewOnes() {
        long running = store.enqueue(review("d1", 7)).jobId();
        long queued = store.enqueue(review("d2", 8)).jobId();
        long otherInstallation = store.enqueue(new NewJob("d3", "review", "beta/gadgets", 1, 100, "{}", true)).jobId();
        assertEquals(running, store.claim("w1", LEASE).orElseThrow().id());

        assertEquals(List.of(queued), store.recordInstallation(99, "acme", InstallationState.SUSPENDED));
        assertEquals(JobStatus.RUNNING, store.find(running).orElseThrow().status(), "a running job finishes as it may");
        assertEquals(InstallationState.SUSPENDED, store.installation(99));
        assertEquals(JobStatus.CANCELLED, store.find(queued).orElseThrow().status());
        assertTrue(store.find(queued).orElseThrow().lastError().contains("suspended"));
        assertEquals(JobStatus.QUEUED, store.find(otherInstallation).orElseThrow().status());
        JobStore.Enqueued refused = store.enqueue(review("d4", 9));
        assertTrue(refused.refused().isPresent());
        assertEquals(3, store.jobs().size(), "nothing stored for a suspended installation");

        assertEquals(List.of(), store.recordInstallation(99, "acme", InstallationState.ACTIVE));
        assertTrue(store.enqueue(review("d5", 9)).refused().isEmpty(), "unsuspended: deliveries are stored again");
        store.recordInstallation(99, "acme", InstallationState.REMOVED);
        assertEquals(InstallationState.REMOVED, store.installation(99));
        assertEquals(InstallationState.ACTIVE, store.installation(100));
    }
}
