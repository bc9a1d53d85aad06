package dev.prharness.config;

import dev.prharness.review.Silence;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rule the repository's config silences ({@code ignore_rules}): everywhere, or only in paths matching one of
 * {@code paths}.
 */
public record IgnoredRule(String rule, List<String> paths) {

    public IgnoredRule {
        paths = List.copyOf(paths);
    }

    /** The silences it stands for: one for every path, or one per glob. */
    public Stream<Silence> silences() {
        return paths.isEmpty() ? Stream.of(Silence.ofConfig(rule, "")) : paths.stream().map(glob -> Silence.ofConfig(rule, glob));
    }
}
