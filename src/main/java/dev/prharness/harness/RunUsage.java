package dev.prharness.harness;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** Running totals of one review: model calls, tokens, cost, tool calls and cache hits. Thread-safe. */
public final class RunUsage {

    private final AtomicInteger modelCalls = new AtomicInteger();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final DoubleAdder cost = new DoubleAdder();
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();

    void addModelCall(ModelReply reply) {
        modelCalls.incrementAndGet();
        promptTokens.addAndGet(reply.promptTokens());
        completionTokens.addAndGet(reply.completionTokens());
        cost.add(reply.costUsd());
    }

    void addToolCall(boolean cacheHit) {
        toolCalls.incrementAndGet();
        if (cacheHit) {
            cacheHits.incrementAndGet();
        }
    }

    public int modelCalls() {
        return modelCalls.get();
    }

    public long promptTokens() {
        return promptTokens.get();
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
