package dev.prharness.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An Action run counts command uses in its process, in the same windows the job store counts them. */
class ProcessUsageCounterTest {

    @Test
    void usesAreCountedPerKeyUntilTheWindowEnds() {
        TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
        CommandLimits limits = new CommandLimits(2, 100, new ProcessUsageCounter(clock));

        assertTrue(limits.allow("mallory", "acme/widgets#1"));
        assertTrue(limits.allow("mallory", "acme/widgets#2"));
        assertFalse(limits.allow("mallory", "acme/widgets#3"), "the third in the hour");
        assertTrue(limits.allow("alice", "acme/widgets#3"), "counted per user");
        assertTrue(limits.mayTellReader("acme/widgets#3"));
        assertFalse(limits.mayTellReader("acme/widgets#3"));

        clock.advance(CommandLimits.WINDOW.plus(Duration.ofSeconds(1)));
        assertTrue(limits.allow("mallory", "acme/widgets#4"), "a new hour");
        assertTrue(limits.mayTellReader("acme/widgets#3"));
    }
}
