package dev.prharness.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.review.ReviewComment;
import dev.prharness.review.Severity;
import dev.prharness.review.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gestures read from replies, and the silences that stand after them in the order they were made. */
class ActiveSilencesTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static Feedback gesture(String id, int minute, String user, boolean writer, String reply) {
        Gesture g = Gesture.parse(reply).orElseThrow();
        return new Feedback(id, "acme/widgets", 1, List.of("f1", "f2"), "pmd", "EmptyCatchBlock", user, writer, g.verdict(),
                T0.plusSeconds(60L * minute), g.scope(), g.glob());
    }

    @Test
    void repliesAreReadAsGesturesAndMalformedOnesSayHowToWriteThem() {
        assertEquals(Optional.of(new Gesture(Feedback.Verdict.DISAGREE, Feedback.Scope.FINDING, "")), Gesture.parse("/ignore"));
        assertEquals(Optional.of(new Gesture(Feedback.Verdict.DISAGREE, Feedback.Scope.RULE, "")), Gesture.parse("/IGNORE Rule"));
        assertEquals(Optional.of(new Gesture(Feedback.Verdict.RESTORE, Feedback.Scope.PATH, "src/test/**")),
                Gesture.parse("/unignore path `src/test/**`"));
        assertEquals(Optional.empty(), Gesture.parse("please /ignore this"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gesture.parse("/ignore path")).getMessage()
                .contains("`/ignore path src/test/**`"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gesture.parse("/ignore path src/[a"))
                .getMessage().contains("one path glob"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gesture.parse("/ignore everything")).getMessage()
                .contains("`/ignore`, `/ignore rule` or `/ignore path GLOB`"));
    }

    @Test
    void anUnignoreTakesBackEveryEarlierSilenceOfItsScopeAndALaterIgnoreSilencesAgain() {
        Feedback ignored = gesture("reply:1", 1, "maintainer", true, "/ignore");
        Feedback restored = gesture("reply:2", 2, "maintainer", true, "/unignore");
        Feedback again = gesture("reply:3", 3, "other-maintainer", true, "/ignore");

        assertEquals(List.of("f1", "f2"), ActiveSilences.of(List.of(ignored)).stream().map(Silence::fingerprint).toList());
        assertEquals(List.of(), ActiveSilences.of(List.of(restored, ignored)), "taken back, in the order made");
        List<Silence> now = ActiveSilences.of(List.of(ignored, restored, again));
        assertEquals(2, now.size());
        assertEquals("other-maintainer", now.get(0).by());
    }

    @Test
    void scopesAreUndoneSeparatelyAndReadersChangeNothing() {
        Feedback rule = gesture("reply:1", 1, "maintainer", true, "/ignore rule");
        Feedback path = gesture("reply:2", 2, "maintainer", true, "/ignore path src/test/**");
        Feedback undoRule = gesture("reply:3", 3, "maintainer", true, "/unignore rule");
        Feedback reader = gesture("reply:4", 4, "passerby", false, "/ignore");

        List<Silence> now = ActiveSilences.of(List.of(rule, path, undoRule, reader));

        assertEquals(1, now.size(), now.toString());
        assertEquals("src/test/**", now.get(0).glob(), "the path silence stands; the rule's was taken back");
        ReviewComment inTest = comment("src/test/java/a/LoaderTest.java");
        ReviewComment inMain = comment("src/main/java/a/Loader.java");
        Silence.Applied applied = Silence.apply(List.of(inTest, inMain), now);
        assertEquals(List.of(inMain), applied.kept());
        assertTrue(applied.silenced().get(0).silence().origin().startsWith("`/ignore path` for `src/test/**` by @"));
    }

    private static ReviewComment comment(String path) {
        return new ReviewComment(path, 3, null, dev.prharness.diff.Side.RIGHT, Severity.ERROR, "pmd", "EmptyCatchBlock",
                "empty catch", null, "fp-" + path);
    }
}
