package dev.prharness.commands;

import java.time.Duration;

/**
 * Counts uses of a key within a window, where every instance of the bot that answers the same pull requests
 * sees the same counts: the job store for the server's replicas, the process for one Action run.
 */
public interface UsageCounter {

    /**
     * Records one use of {@code key} and returns how many uses it has in the current window, this one included.
     * A window starts at the first use after the previous one ended and lasts {@code window}.
     */
    int record(String key, Duration window);
}
