package dev.prharness.harness;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * Results of cacheable tools by (tool, canonical arguments, scope), where the scope is everything else a result
 * depends on (the change's commits, the rules, the files in review): the same question in the same situation is
 * answered once per process. Holds the redacted, size-bounded text the model saw, and at most {@code maxBytes}
 * of it in all. Shared by all runs; thread-safe.
 */
public final class ToolResultCache {

    private record Key(String tool, String canonicalArguments, String scope) {}

    private final Cache<Key, ToolOutcome> results;

    public ToolResultCache(long maxBytes) {
        results = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, ToolOutcome outcome) -> (int) Math.min(Integer.MAX_VALUE,
                        2L * (key.tool().length() + key.canonicalArguments().length() + key.scope().length()
                                + outcome.text().length()) + 64))
                .build();
    }

    Optional<ToolOutcome> get(String tool, String canonicalArguments, String scope) {
        return Optional.ofNullable(results.getIfPresent(new Key(tool, canonicalArguments, scope)));
    }

    void put(String tool, String canonicalArguments, String scope, ToolOutcome outcome) {
        results.put(new Key(tool, canonicalArguments, scope), outcome);
    }
}
