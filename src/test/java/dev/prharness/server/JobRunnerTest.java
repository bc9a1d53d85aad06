package dev.prharness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.github.GitHubException;
import dev.prharness.events.EventLog;
import dev.prharness.testing.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.review.ReviewPlan;
import dev.prharness.testing.InMemoryCodeHost;
import dev.prharness.store.Job;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.store.NewJob;
import dev.prharness.testing.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's handling of failures and shutdown, on a real SQLite store. */
class JobRunnerTest {

    @TempDir
    Path dir;

    private JobStore store;

    /** How each run ended, as the runner's {@code job} events say. */
    private final List<Object> outcomes = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Map<String, Object>> jobOutcomes = (event, fields) -> {
        if (event.equals("job")) {
            outcomes.add(fields.get("outcome"));
        }
    };

    @BeforeEach
    void open() {
        store = JobStore.open("jdbc:sqlite:" + dir.resolve("jobs.db"), Clock.systemUTC());
        EventLog.subscribe(jobOutcomes);
    }

    @AfterEach
    void close() {
        EventLog.unsubscribe(jobOutcomes);
        store.close();
    }

    private JobRunner runner(JobHandler handler, Duration grace) {
        return new JobRunner(store, handler, new JobRunner.Settings(1, Duration.ofSeconds(30),
                Duration.ofMillis(20), 3, Duration.ofMillis(10), grace), Clock.systemUTC(), "test");
    }

    private long enqueue() {
        return store.enqueue(new NewJob("d-" + System.nanoTime(), "review", "acme/widgets", 7, 1, "{}", true)).jobId();
    }

    private Job job(long id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenDeadLettered() {
        AtomicInteger runs = new AtomicInteger();
        long id = enqueue();
        try (JobRunner runner = runner((job, lease) -> {
            runs.incrementAndGet();
            throw new GitHubException("GitHub answered HTTP 502", 502, null);
        }, Duration.ofSeconds(1))) {
            runner.start();
            Eventually.await("the job is dead-lettered", Duration.ofSeconds(20), () -> job(id).status() == JobStatus.DEAD);
        }
        assertEquals(3, runs.get(), "max_attempts: 3");
        assertTrue(job(id).lastError().contains("HTTP 502"), job(id).lastError());
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        long id = enqueue();
        try (JobRunner runner = runner((job, lease) -> {
            runs.incrementAndGet();
            throw new GitHubException("not found (HTTP 404)", 404, null);
        }, Duration.ofSeconds(1))) {
            runner.start();
            Eventually.await("the job is dead-lettered", Duration.ofSeconds(20), () -> job(id).status() == JobStatus.DEAD);
        }
        assertEquals(1, runs.get());
    }

    @Test
    void shutdownHandsARunningJobBackToTheQueue() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        long id = enqueue();
        JobRunner runner = runner((job, lease) -> {
            started.countDown();
            Thread.sleep(60_000);
        }, Duration.ofMillis(200));
        runner.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));

        runner.close();

        Job released = job(id);
        assertEquals(JobStatus.QUEUED, released.status(), "another replica, or this one after a restart, runs it");
        assertEquals(0, released.attempts(), "the interrupted attempt does not count");
    }

    @Test
    void aJobFinishingWithinTheGracePeriodCompletes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        long id = enqueue();
        JobRunner runner = runner((job, lease) -> {
            started.countDown();
            Thread.sleep(300);
        }, Duration.ofSeconds(5));
        runner.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));

        runner.close();

        assertEquals(JobStatus.DONE, job(id).status());
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverIsStoppedAndItsRunDoesNotCount() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (JobStore replicaOne = JobStore.open("jdbc:sqlite:" + dir.resolve("lease.db"), clock);
                JobStore replicaTwo = JobStore.open("jdbc:sqlite:" + dir.resolve("lease.db"), clock)) {
            long id = replicaOne.enqueue(new NewJob("lease", "review", "acme/widgets", 7, 1, "{}", true)).jobId();
            try (JobRunner runner = new JobRunner(replicaOne, (job, lease) -> {
                started.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }, new JobRunner.Settings(1, Duration.ofMillis(300), Duration.ofMillis(20), 3, Duration.ofMillis(10),
                    Duration.ofSeconds(1)), clock, "replica-one")) {
                runner.start();
                assertTrue(started.await(10, TimeUnit.SECONDS));

                clock.advance(Duration.ofSeconds(1));
                Job takenOver = replicaTwo.claim("replica-two", Duration.ofSeconds(30)).orElseThrow();

                assertEquals(id, takenOver.id());
                assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the worker that lost its lease is stopped");
                Eventually.await("the run is reported as lease lost", Duration.ofSeconds(10), () -> outcomes.contains("lease_lost"));
                Job now = replicaTwo.find(id).orElseThrow();
                assertEquals(JobStatus.RUNNING, now.status(), "the stale worker neither finished nor failed the job");
                assertEquals("replica-two", now.leaseOwner());
                assertEquals(2, now.attempts());
                assertTrue(replicaTwo.complete(id, "replica-two"));
            }
        }
    }

    /**
     * The worker is not interrupted in time (its renewal has not come round yet) when another replica takes the job
     * over; the lease is confirmed right before posting, so it posts nothing and its run does not count.
     */
    @Test
    void aWorkerThatLostItsLeasePostsNothingEvenBeforeItsRenewalNotices() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
        InMemoryCodeHost github = new InMemoryCodeHost("pr-harness[bot]");
        PullRequestRef ref = new PullRequestRef("acme", "widgets", 7);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch takenOver = new CountDownLatch(1);
        try (JobStore replicaOne = JobStore.open("jdbc:sqlite:" + dir.resolve("post.db"), clock);
                JobStore replicaTwo = JobStore.open("jdbc:sqlite:" + dir.resolve("post.db"), clock)) {
            long id = replicaOne.enqueue(new NewJob("post", "review", "acme/widgets", 7, 1, "{}", true)).jobId();
            try (JobRunner runner = new JobRunner(replicaOne, (job, lease) -> {
                started.countDown();
                assertTrue(takenOver.await(10, TimeUnit.SECONDS));
                CodeHost host = new LeasedCodeHost(github, lease);
                host.postReview(ref, new ReviewPlan("abc", "a review", List.of(), List.of(), 0, "summary"));
                host.createComment(ref, "summary");
            }, new JobRunner.Settings(1, Duration.ofSeconds(30), Duration.ofMillis(20), 3, Duration.ofMillis(10),
                    Duration.ofSeconds(1)), clock, "replica-one")) {
                runner.start();
                assertTrue(started.await(10, TimeUnit.SECONDS));
                clock.advance(Duration.ofSeconds(31));
                assertEquals(id, replicaTwo.claim("replica-two", Duration.ofSeconds(30)).orElseThrow().id());
                takenOver.countDown();

                Eventually.await("the run is reported as lease lost", Duration.ofSeconds(10), () -> outcomes.contains("lease_lost"));
                assertEquals(List.of(), github.reviews(), "nothing posted by the worker that lost the job");
                assertEquals(List.of(), github.posted());
                assertEquals("replica-two", replicaTwo.find(id).orElseThrow().leaseOwner());
            }
        }
    }
}
