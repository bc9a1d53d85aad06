package dev.prharness.harness;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Running totals of one review: model calls, tokens (prompt, of them cached, and completion), cost, tool calls and
 * cache hits. A part of a review (one of its parallel loops) has a usage of its own whose every count also goes to
 * the whole review's. Thread-safe.
 */
public final class RunUsage {

    private final RunUsage whole;
    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong cachedTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final DoubleAdder cost = new DoubleAdder();
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();

    public RunUsage() {
        this(null);
    }

    private RunUsage(RunUsage whole) {
        this.whole = whole;
    }

    /** The usage of one part of this run: counted there and here. */
    public RunUsage part() {
        return new RunUsage(this);
    }

    /** The whole run's usage (this one, when it is not a part). */
    public RunUsage whole() {
        return whole == null ? this : whole.whole();
    }

    void addModelCall(ModelReply reply) {
        modelCalls.incrementAndGet();
        promptTokens.addAndGet(reply.promptTokens());
        cachedTokens.addAndGet(reply.cachedTokens());
        completionTokens.addAndGet(reply.completionTokens());
        cost.add(reply.costUsd());
        if (whole != null) {
            whole.addModelCall(reply);
        }
    }

    void addToolCall(boolean cacheHit) {
        toolCalls.incrementAndGet();
        if (cacheHit) {
            cacheHits.incrementAndGet();
        }
        if (whole != null) {
            whole.addToolCall(cacheHit);
        }
    }

    public int modelCalls() {
        return modelCalls.get();
    }

    public long promptTokens() {
        return promptTokens.get();
    }

    /** Prompt tokens the provider served from its prompt cache (part of {@link #promptTokens()}). */
    public long cachedTokens() {
        return cachedTokens.get();
    }

    public long completionTokens() {
        return completionTokens.get();
    }

    public long totalTokens() {
        return promptTokens.get() + completionTokens.get();
    }

    public double costUsd() {
        return cost.sum();
    }

    public int toolCalls() {
        return toolCalls.get();
    }

    public int cacheHits() {
        return cacheHits.get();
    }
}
