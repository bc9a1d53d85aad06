package dev.prharness.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A finding maintainers silenced, so it is not commented again: one finding by its {@code fingerprint} (someone's 👎:
 * {@code by}, {@code since}), or every finding of a {@code rule} ({@code ignore_rules} in the repository's config:
 * no {@code since}). Exactly one of fingerprint and rule is set.
 */
public record Silence(String fingerprint, String rule, String by, Instant since) {

    /** A finding someone silenced. */
    public static Silence ofFinding(String fingerprint, String by, Instant since) {
        return new Silence(fingerprint, null, by, since);
    }

    /** Every finding of a rule the repository's config silences. */
    public static Silence ofRule(String rule) {
        return new Silence(null, rule, "ignore_rules", null);
    }

    /** A comment the review leaves out because of a silence, kept for the summary. */
    public record Silenced(ReviewComment comment, Silence silence) {}

    /** The comments still to post, and those left out with the silence that did it. */
    public record Applied(List<ReviewComment> kept, List<Silenced> silenced) {}

    /**
     * Leaves out every comment one of whose fingerprints (its own, or those of the same code elsewhere it stands for) is
     * silenced, the earliest silence of a fingerprint being the one named, and every comment of a silenced rule.
     */
    public static Applied apply(List<ReviewComment> comments, List<Silence> silences) {
        Map<String, Silence> byFingerprint = new HashMap<>();
        Map<String, Silence> byRule = new HashMap<>();
        for (Silence s : silences) {
            if (s.rule() != null) {
                byRule.putIfAbsent(s.rule(), s);
            } else {
                byFingerprint.merge(s.fingerprint(), s, (a, b) -> a.since().isBefore(b.since()) ? a : b);
            }
        }
        List<ReviewComment> kept = new ArrayList<>();
        List<Silenced> silenced = new ArrayList<>();
        for (ReviewComment comment : comments) {
            Optional<Silence> silence = Stream.concat(Stream.of(comment.fingerprint()), comment.alsoFingerprints().stream())
                    .map(byFingerprint::get).filter(Objects::nonNull).findFirst()
                    .or(() -> Optional.ofNullable(comment.rule() == null ? null : byRule.get(comment.rule())));
            if (silence.isPresent()) {
                silenced.add(new Silenced(comment, silence.get()));
            } else {
                kept.add(comment);
            }
        }
        return new Applied(List.copyOf(kept), List.copyOf(silenced));
    }
}
