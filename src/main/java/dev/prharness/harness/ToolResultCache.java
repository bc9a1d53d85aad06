package dev.prharness.harness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * Results of cacheable tools by (tool, canonical arguments, commit): the same question about the same
 * commit is answered once per process. Shared by all runs; thread-safe.
 */
public final class ToolResultCache {

    private record Key(String tool, String canonicalArguments, String commit) {}

    private final Cache<Key, ToolOutcome> results;

    public ToolResultCache(long maximumEntries) {
        results = Caffeine.newBuilder().maximumSize(maximumEntries).build();
    }

    Optional<ToolOutcome> get(String tool, String canonicalArguments, String commit) {
        return Optional.ofNullable(results.getIfPresent(new Key(tool, canonicalArguments, commit)));
    }

    void put(String tool, String canonicalArguments, String commit, ToolOutcome outcome) {
        results.put(new Key(tool, canonicalArguments, commit), outcome);
    }
}
