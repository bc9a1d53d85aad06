package dev.prharness.git;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A git command that hangs is stopped at its deadline, with whatever it started. */
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
}
