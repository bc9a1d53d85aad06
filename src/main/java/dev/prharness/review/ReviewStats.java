package dev.prharness.review;

/**
 * What a review run cost: files, model calls and tokens (prompt tokens, of them cached by the provider, completion
 * tokens), tool calls, cache hits and wall time.
 */
public record ReviewStats(
        int filesReviewed,
        int modelCalls,
        long promptTokens,
        long cachedTokens,
        long completionTokens,
        int toolCalls,
        int cacheHits,
        long durationMs,
        double estimatedCostUsd) {
}
