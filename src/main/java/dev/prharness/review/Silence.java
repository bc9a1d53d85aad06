package dev.prharness.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A maintainer silenced the finding with this fingerprint ({@code by}, {@code since}): it is not commented again. */
public record Silence(String fingerprint, String by, Instant since) {

    /** A comment the review leaves out because of a silence, kept for the summary. */
    public record Silenced(ReviewComment comment, Silence silence) {}

    /** The comments still to post, and those left out with the silence that did it. */
    public record Applied(List<ReviewComment> kept, List<Silenced> silenced) {}

    /**
     * Leaves out every comment one of whose fingerprints (its own, or those of the same code elsewhere it stands for) is
     * silenced; the earliest silence of a fingerprint is the one named.
     */
    public static Applied apply(List<ReviewComment> comments, List<Silence> silences) {
        Map<String, Silence> byFingerprint = new HashMap<>();
        silences.forEach(s -> byFingerprint.merge(s.fingerprint(), s, (a, b) -> a.since().isBefore(b.since()) ? a : b));
        List<ReviewComment> kept = new ArrayList<>();
        List<Silenced> silenced = new ArrayList<>();
        for (ReviewComment comment : comments) {
            Optional<Silence> silence = Stream.concat(Stream.of(comment.fingerprint()), comment.alsoFingerprints().stream())
                    .map(byFingerprint::get).filter(Objects::nonNull).findFirst();
            if (silence.isPresent()) {
                silenced.add(new Silenced(comment, silence.get()));
            } else {
                kept.add(comment);
            }
        }
        return new Applied(List.copyOf(kept), List.copyOf(silenced));
    }
}
