package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import dev.prharness.store.NewJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pr-harness jobs} against the store a server wrote: list, show, retry, purge, and what goes wrong. */
class JobsCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> env;
    private long done;
    private long dead;

    @BeforeEach
    void aStoreWithADoneAndADeadJob() {
        String url = "jdbc:sqlite:" + dir.resolve("jobs.db");
        env = Map.of("PR_HARNESS_DB", url);
        try (JobStore store = JobStore.open(url, Clock.systemUTC())) {
            done = store.enqueue(new NewJob("d1", "review", "acme/widgets", 7, 99, "{\"head\":\"abc\"}", true)).jobId();
            dead = store.enqueue(new NewJob("d2", "command", "acme/gadgets", 8, 99, "{\"command\":\"/review\"}", true)).jobId();
            store.claim("w1", Duration.ofMinutes(1));
            store.claim("w1", Duration.ofMinutes(1));
            store.complete(done, "w1");
            store.dead(dead, "w1", "GitHub answered 404: Not Found\nat line 2");
        }
    }

    @Test
    void listShowsTheNewestFirstAndFilters() {
        CliRun all = CliRun.of(env, "jobs", "list");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().indexOf("acme/gadgets#8") < all.out().indexOf("acme/widgets#7"), all.out());
        assertTrue(all.out().contains("GitHub answered 404: Not Found") && !all.out().contains("at line 2"), all.out());

        CliRun deadOnes = CliRun.of(env, "jobs", "list", "--status", "dead");
        assertTrue(deadOnes.out().contains("acme/gadgets#8") && !deadOnes.out().contains("acme/widgets#7"), deadOnes.out());
        CliRun byRepo = CliRun.of(env, "jobs", "list", "--repo", "acme/widgets");
        assertTrue(byRepo.out().contains("acme/widgets#7") && !byRepo.out().contains("acme/gadgets"), byRepo.out());

        CliRun badStatus = CliRun.of(env, "jobs", "list", "--status", "zombie");
        assertEquals(2, badStatus.exitCode());
        assertTrue(badStatus.err().contains("no job status 'zombie'") && badStatus.err().contains("queued"), badStatus.err());
    }

    @Test
    void showTellsWhatAJobWasAndWhyItDied() {
        CliRun show = CliRun.of(env, "jobs", "show", String.valueOf(dead));
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("command of acme/gadgets#8") && show.out().contains("status:        dead")
                && show.out().contains("GitHub answered 404") && show.out().contains("/review"), show.out());

        CliRun missing = CliRun.of(env, "jobs", "show", "4242");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("there is no job 4242"), missing.err());
    }

    @Test
    void retryQueuesADeadJobAgainAndRefusesOthers() {
        CliRun notDead = CliRun.of(env, "jobs", "retry", String.valueOf(done));
        assertEquals(2, notDead.exitCode());
        assertTrue(notDead.err().contains("is done; only a dead job can be retried"), notDead.err());

        CliRun retry = CliRun.of(env, "jobs", "retry", String.valueOf(dead));
        assertEquals(0, retry.exitCode(), retry.err());
        try (JobStore store = JobStore.open(env.get("PR_HARNESS_DB"), Clock.systemUTC())) {
            assertEquals(JobStatus.QUEUED, store.find(dead).orElseThrow().status());
        }
        CliRun neither = CliRun.of(env, "jobs", "retry");
        assertEquals(2, neither.exitCode());
    }

    @Test
    void purgeDeletesFinishedJobsOlderThanTheDaysGiven() {
        CliRun none = CliRun.of(env, "jobs", "purge", "--older-than", "1");
        assertTrue(none.out().contains("deleted 0 finished jobs"), none.out());
        CliRun all = CliRun.of(env, "jobs", "purge", "--older-than", "0");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("deleted 2 finished jobs"), all.out());
        assertFalse(CliRun.of(env, "jobs", "list").out().contains("acme/"));
    }

    @Test
    void aStoreThatDoesNotExistIsNotMadeButNamed() {
        Path missing = dir.resolve("elsewhere.db");
        CliRun run = CliRun.of(Map.of("PR_HARNESS_DB", "jdbc:sqlite:" + missing), "jobs", "list");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("there is no job store at " + missing), run.err());
        assertFalse(missing.toFile().exists());
    }

    @Test
    void anUnreachableStoreIsExitThreeNamingIt() {
        CliRun run = CliRun.of(Map.of("PR_HARNESS_DB", "jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=1"), "jobs", "list");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("127.0.0.1:9"), run.err());
    }
}
