package dev.prharness.review;

/** What a review run cost: files, model calls and tokens, tool calls, cache hits and wall time. */
public record ReviewStats(
        int filesReviewed,
        int modelCalls,
        long promptTokens,
        long completionTokens,
        int toolCalls,
        int cacheHits,
        long durationMs,
        double estimatedCostUsd) {
}
