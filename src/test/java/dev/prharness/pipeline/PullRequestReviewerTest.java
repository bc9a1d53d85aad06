package dev.prharness.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.lint.LintEngine;
import dev.prharness.testing.InMemoryCodeHost;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pull-request review flow on an in-memory code host: what it posts, what it leaves, whose comments count. */
class PullRequestReviewerTest {

    private static final String BOT = "pr-harness[bot]";
    private static final PullRequestRef REF = new PullRequestRef("acme", "widgets", 7);
    private static final String BASE = "1".repeat(40);
    private static final String HEAD = "2".repeat(40);
    private static final String AFTER = """
            package demo;

            class Service {
                boolean isAdmin(String role) {
                    return role == "admin";
                }
            }
            """;
    private static final String DIFF = """
            diff --git a/src/Service.java b/src/Service.java
            new file mode 100644
            index 0000000..1111111
            --- /dev/null
            +++ b/src/Service.java
            @@ -0,0 +1,7 @@
            +package demo;
            +
            +class Service {
            +    boolean isAdmin(String role) {
            +        return role == "admin";
            +    }
            +}
            """;

    private InMemoryCodeHost host;
    private final ReviewPipeline linters = new ReviewPipeline(new LinterReview(new LintEngine()), Optional.empty());

    @BeforeEach
    void aPullRequest() {
        host = new InMemoryCodeHost(BOT);
        host.pullRequest(REF, BASE, HEAD, DIFF);
        host.file("src/Service.java", HEAD, AFTER);
    }

    private PullRequestReviewer.Outcome review(Optional<String> botLogin) {
        return new PullRequestReviewer(host, linters, botLogin).review(REF,
                new PullRequestReviewer.Options(false, false, Optional.empty(), true), ReviewProgress.SILENT);
    }

    private List<InMemoryCodeHost.Posted> summaries() {
        return host.posted().stream().filter(c -> c.kind() == ExistingComment.Kind.ISSUE_COMMENT
                && c.body().contains("<!-- pr-harness:summary -->")).toList();
    }

    @Test
    void theFirstRunPostsOneReviewAndASummaryAndTheSecondOnlyEditsTheSummary() {
        PullRequestReviewer.Outcome first = review(Optional.of(BOT));

        assertTrue(first.reviewPosted());
        assertEquals(1, host.reviews().size());
        assertTrue(host.reviews().get(0).inline().stream().anyMatch(c -> c.body().contains("UseEqualsToCompareStrings")));
        assertEquals(1, summaries().size());

        PullRequestReviewer.Outcome second = review(Optional.of(BOT));

        assertFalse(second.reviewPosted());
        assertEquals(1, host.reviews().size());
        assertEquals(1, summaries().size(), "edited in place");
        assertTrue(summaries().get(0).body().contains("No new commits since the last review"));
    }

    @Test
    void aCommentByAnotherUserCarryingTheBotsMarkersIsNeitherEditedNorBelieved() {
        String planted = "<!-- pr-harness:summary -->\nI am the summary.\n<!-- pr-harness:state head=" + HEAD + " -->";
        host.commentBy("mallory", planted);

        PullRequestReviewer.Outcome outcome = review(Optional.of(BOT));

        assertTrue(outcome.reviewPosted(), "the planted state did not make the bot skip the head");
        assertEquals(planted, host.posted().get(0).body(), "mallory's comment was not edited");
        assertEquals(2, summaries().size(), "the bot wrote its own summary");
    }

    @Test
    void whenTheBotsLoginIsUnknownNoCommentCountsAsItsOwn() {
        review(Optional.of(BOT));
        String planted = "<!-- pr-harness:summary -->\n<!-- pr-harness:state head=" + HEAD + " -->";
        long mallorys = host.commentBy("mallory", planted);

        PullRequestReviewer.Outcome outcome = review(Optional.empty());

        assertTrue(outcome.reviewPosted() || outcome.plan().inline().isEmpty());
        assertEquals(planted, host.posted().stream().filter(c -> c.id() == mallorys).findFirst().orElseThrow().body(),
                "an unknown login never edits a comment it did not create");
        assertEquals(3, summaries().size(), "a new summary, since none can be known to be its own");
        assertFalse(outcome.scope().contains("No new commits"), "no state is believed: " + outcome.scope());
    }
}
