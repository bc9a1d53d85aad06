package dev.prharness.review;

import dev.prharness.diff.PathGlob;
import dev.prharness.safety.InertText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A finding maintainers silenced, so it is not commented again: one finding by its {@code fingerprint} (someone's 👎 or
 * {@code /ignore}), or every finding of a {@code rule}, in every path or in those matching {@code glob} ({@code /ignore
 * rule}, {@code /ignore path GLOB}, or {@code ignore_rules} in the repository's config, which has no {@code since}).
 * Exactly one of fingerprint and rule is set; {@code glob} is empty for every path.
 */
public record Silence(String fingerprint, String rule, String glob, String by, Instant since) {

    public Silence {
        glob = glob == null ? "" : glob;
    }

    /** A finding someone silenced. */
    public static Silence ofFinding(String fingerprint, String by, Instant since) {
        return new Silence(fingerprint, null, "", by, since);
    }

    /** Every finding of a rule (in paths matching {@code glob}, when not empty) someone silenced. */
    public static Silence ofRule(String rule, String glob, String by, Instant since) {
        return new Silence(null, rule, glob, by, since);
    }

    /** Every finding of a rule (in paths matching {@code glob}, when not empty) the repository's config silences. */
    public static Silence ofConfig(String rule, String glob) {
        return new Silence(null, rule, glob, "ignore_rules", null);
    }

    /** Whether the repository's config made this silence (rather than a person's gesture). */
    public boolean fromConfig() {
        return since == null;
    }

    /**
     * How the summary names what made it (markdown, inert): the config, a 👎 or {@code /ignore}, a rule's or a path's
     * silence, by whom (not a mention: no one is notified at each summary edit) and since when.
     */
    public String origin() {
        String paths = glob.isEmpty() ? "" : " for " + InertText.codeSpan(glob);
        if (fromConfig()) {
            return "`ignore_rules` in the repository's config" + paths;
        }
        String gesture = rule == null ? "👎 or `/ignore`" : glob.isEmpty() ? "`/ignore rule`" : "`/ignore path`" + paths;
        return gesture + " by " + InertText.oneLine("@" + by) + " since " + since.toString().substring(0, 10);
    }

    /** A comment the review leaves out because of a silence, kept for the summary. */
    public record Silenced(ReviewComment comment, Silence silence) {}

    /** The comments still to post, and those left out with the silence that did it. */
    public record Applied(List<ReviewComment> kept, List<Silenced> silenced) {}

    /**
     * Leaves out every comment one of whose fingerprints (its own, or those of the same code elsewhere it stands for) is
     * silenced, the earliest silence of a fingerprint being the one named, and every comment of a silenced rule whose
     * path the silence covers.
     */
    public static Applied apply(List<ReviewComment> comments, List<Silence> silences) {
        Map<String, Silence> byFingerprint = new HashMap<>();
        Map<String, List<Silence>> byRule = new HashMap<>();
        for (Silence s : silences) {
            if (s.rule() != null) {
                byRule.computeIfAbsent(s.rule(), r -> new ArrayList<>()).add(s);
            } else {
                byFingerprint.merge(s.fingerprint(), s, (a, b) -> a.since().isBefore(b.since()) ? a : b);
            }
        }
        List<ReviewComment> kept = new ArrayList<>();
        List<Silenced> silenced = new ArrayList<>();
        for (ReviewComment comment : comments) {
            Optional<Silence> silence = Stream.concat(Stream.of(comment.fingerprint()), comment.alsoFingerprints().stream())
                    .map(byFingerprint::get).filter(Objects::nonNull).findFirst()
                    .or(() -> byRule.getOrDefault(comment.rule() == null ? "" : comment.rule(), List.of()).stream()
                            .filter(s -> s.glob().isEmpty() || PathGlob.matches(s.glob(), comment.path())).findFirst());
            if (silence.isPresent()) {
                silenced.add(new Silenced(comment, silence.get()));
            } else {
                kept.add(comment);
            }
        }
        return new Applied(List.copyOf(kept), List.copyOf(silenced));
    }
}
