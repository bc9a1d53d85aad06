package dev.prharness.feedback;

import dev.prharness.review.Silence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The silences that stand after every gesture, taken in the order they were made: a writer's disagreement silences
 * (the finding's fingerprints, the rule, or the rule for a glob), a writer's {@code /unignore} of the same scope takes
 * every earlier one back, and a later disagreement silences again.
 */
public final class ActiveSilences {

    private ActiveSilences() {}

    public static List<Silence> of(List<Feedback> feedback) {
        Map<String, Silence> standing = new LinkedHashMap<>();
        List<Feedback> ordered = new ArrayList<>(feedback);
        ordered.sort(Comparator.comparing(Feedback::at).thenComparing(Feedback::id));
        for (Feedback f : ordered) {
            if (!f.silences() && !f.restores()) {
                continue;
            }
            for (Map.Entry<String, Silence> covered : covered(f).entrySet()) {
                if (f.silences()) {
                    standing.putIfAbsent(covered.getKey(), covered.getValue());
                } else {
                    standing.remove(covered.getKey());
                }
            }
        }
        return List.copyOf(standing.values());
    }

    /** What one gesture covers, each silence under the key its undo names. */
    private static Map<String, Silence> covered(Feedback f) {
        Map<String, Silence> covered = new LinkedHashMap<>();
        switch (f.scope()) {
            case FINDING -> f.fingerprints().forEach(fingerprint -> covered.put("finding " + fingerprint,
                    Silence.ofFinding(fingerprint, f.user(), f.at())));
            case RULE -> covered.put("rule " + f.rule(), Silence.ofRule(f.rule(), "", f.user(), f.at()));
            case PATH -> covered.put("path " + f.rule() + " " + f.glob(), Silence.ofRule(f.rule(), f.glob(), f.user(), f.at()));
        }
        return covered;
    }
}
