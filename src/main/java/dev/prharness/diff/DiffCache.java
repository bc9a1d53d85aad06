package dev.prharness.diff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/** Parsed diffs by (base, head) commit: commits never change, so neither does their diff. Thread-safe. */
public final class DiffCache {

    private final Cache<String, Diff> diffs = Caffeine.newBuilder().maximumSize(256).build();
    private final UnifiedDiffParser parser = new UnifiedDiffParser();

    /** The diff of {@code base..head}, parsed from {@code rawDiff} only the first time. */
    public Diff get(String baseSha, String headSha, Supplier<String> rawDiff) {
        return diffs.get(baseSha + ".." + headSha, key -> new Diff(parser.parse(rawDiff.get())));
    }
}
