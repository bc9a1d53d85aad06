package dev.prharness.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.codehost.PullRequestRef;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.testing.InMemoryCodeHost;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comment commands on an in-memory code host: who may run them, limits, reactions and replies. */
class CommandRunnerTest {

    private static final String BOT = "pr-harness[bot]";
    private static final PullRequestRef REF = new PullRequestRef("acme", "widgets", 7);

    private InMemoryCodeHost host;
    private CommandRunner runner;

    @BeforeEach
    void aRunnerWithoutAModel() {
        host = new InMemoryCodeHost(BOT).permission("maintainer", "write").permission("reader", "read");
        host.pullRequest(REF, "1".repeat(40), "2".repeat(40), "");
        ReviewPipeline linters = new ReviewPipeline(new LinterReview(new LintEngine()), Optional.empty());
        runner = new CommandRunner(new CommandRunner.Services(linters, linters, Optional.empty(), Optional.empty(),
                Optional.of(BOT), new CommandLimits(2, 30, new ProcessUsageCounter(Clock.systemUTC()))));
    }

    private CommandRunner.Result run(long id, String body, String author, String type) {
        return runner.run(host, REF, new CommandRunner.Comment(id, body, author, type));
    }

    @Test
    void aWriterGetsEyesTheAnswerAndRocket() {
        assertEquals(CommandRunner.Result.DONE, run(1, "/help", "maintainer", "User"));
        assertEquals(java.util.List.of("1:eyes", "1:rocket"), host.reactions());
        assertTrue(host.posted().get(0).body().contains("`/review`"));
    }

    @Test
    void aReaderGetsOnePoliteReplyAnHourAndNothingRuns() {
        assertEquals(CommandRunner.Result.NOT_ALLOWED, run(1, "/review", "reader", "User"));
        assertEquals(CommandRunner.Result.NOT_ALLOWED, run(2, "/help", "reader", "User"));
        assertEquals(1, host.posted().size());
        assertTrue(host.posted().get(0).body().contains("write access"));
        assertTrue(host.reactions().isEmpty());
        assertTrue(host.reviews().isEmpty());
    }

    @Test
    void botsAndTheBotItselfAreIgnored() {
        assertEquals(CommandRunner.Result.IGNORED, run(1, "/review", "dependabot[bot]", "Bot"));
        assertEquals(CommandRunner.Result.IGNORED, run(2, "/review", BOT, "User"));
        assertTrue(host.posted().isEmpty());
    }

    @Test
    void theHourlyLimitStopsTheThirdCommandWithAReply() {
        run(1, "/help", "maintainer", "User");
        run(2, "/help", "maintainer", "User");
        assertEquals(CommandRunner.Result.LIMITED, run(3, "/help", "maintainer", "User"));
        assertTrue(host.posted().get(2).body().contains("command limit for this hour is reached"));
        assertEquals(4, host.reactions().size(), "the limited command got no reaction");
    }

    @Test
    void askWithoutAModelSaysWhatIsMissing() {
        assertEquals(CommandRunner.Result.FAILED, run(1, "/ask why?", "maintainer", "User"));
        assertTrue(host.reactions().contains("1:confused"));
        assertTrue(host.posted().get(0).body().contains("no OPENAI_API_KEY"), host.posted().toString());
    }
}
