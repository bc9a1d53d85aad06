package dev.prharness.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uses counted in this process, for a bot that is one process (an Action run): the same windows as the job store
 * counts (a window starts at the first use after the last one ended).
 */
public final class ProcessUsageCounter implements UsageCounter {

    private record Window(long startMillis, int uses) {}

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ProcessUsageCounter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int record(String key, Duration window) {
        long now = clock.millis();
        return windows.compute(key, (k, current) -> current == null || current.startMillis() <= now - window.toMillis()
                ? new Window(now, 1)
                : new Window(current.startMillis(), current.uses() + 1)).uses();
    }
}
