package dev.prharness.commands;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Uses counted in this process, for a bot that is one process (an Action run). */
public final class ProcessUsageCounter implements UsageCounter {

    private final Cache<String, AtomicInteger> counts;

    public ProcessUsageCounter(Duration window) {
        counts = Caffeine.newBuilder().expireAfterWrite(window).build();
    }

    @Override
    public int record(String key, Duration window) {
        return counts.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
