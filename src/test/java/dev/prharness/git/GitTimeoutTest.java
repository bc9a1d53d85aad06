package dev.prharness.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A git command that hangs is stopped at its deadline, with whatever it started; one with much output never hangs. */
class GitTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aHangingGitIsKilledAtTheDeadlineAndSaysSo() {
        TestRepo.init(dir);
        long started = System.nanoTime();

        GitException e = assertThrows(GitException.class, () -> GitRepository.run(dir,
                List.of("-c", "alias.hang=!sleep 60", "hang"), Duration.ofSeconds(1)));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertTrue(e.getMessage().contains("did not finish in 1 s"), e.getMessage());
        assertTrue(seconds < 30, "stopped at the deadline, not when the command ended by itself: " + seconds + " s");
    }

    /**
     * Found on real history: a file over 64 KiB stalled git until the deadline when both its output streams were
     * read through the common pool, which has a single thread on a two-core machine. The pool is kept busy here, so
     * the test fails that way on any machine.
     */
    @Test
    void aLargeFileIsReadWhileTheCommonPoolIsBusy() throws Exception {
        TestRepo repo = TestRepo.init(dir);
        String big = "class Big {\n" + "    int field;\n".repeat(100_000) + "}\n";
        repo.write("Big.java", big);
        String sha = repo.commit("a large file");
        CountDownLatch release = new CountDownLatch(1);
        int parallelism = ForkJoinPool.commonPool().getParallelism();
        List<Future<?>> busy = new ArrayList<>();
        for (int i = 0; i < parallelism * 2; i++) {
            busy.add(ForkJoinPool.commonPool().submit(() -> {
                release.await();
                return null;
            }));
        }
        try {
            Optional<byte[]> read = GitRepository.open(dir).fileAt(sha, "Big.java");
            assertEquals(big.length(), read.orElseThrow().length);
        } finally {
            release.countDown();
        }
        for (Future<?> f : busy) {
            f.get(10, TimeUnit.SECONDS);
        }
    }
}
