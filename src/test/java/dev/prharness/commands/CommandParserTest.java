package dev.prharness.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(Optional.of("pr-harness[bot]"));

    @Test
    void commandsAreReadFromTheFirstLine() {
        assertEquals(Optional.of(new BotCommand.Review(false)), parser.parse("/review"));
        assertEquals(Optional.of(new BotCommand.Review(true)), parser.parse("  /review full\nplease"));
        assertEquals(Optional.of(new BotCommand.Lint()), parser.parse("/LINT"));
        assertEquals(Optional.of(new BotCommand.Describe()), parser.parse("/describe"));
        assertEquals(Optional.of(new BotCommand.Help("")), parser.parse("/help"));
        assertEquals(Optional.of(new BotCommand.Help("deploy")), parser.parse("/deploy now"));
    }

    @Test
    void aQuestionKeepsItsFollowingLines() {
        assertEquals(Optional.of(new BotCommand.Ask("is this thread-safe?\nSee Cache.java.")),
                parser.parse("/ask is this thread-safe?\r\nSee Cache.java."));
    }

    @Test
    void theBotCanBeAddressedByLoginOrSlug() {
        assertEquals(Optional.of(new BotCommand.Lint()), parser.parse("@pr-harness /lint"));
        assertEquals(Optional.of(new BotCommand.Lint()), parser.parse("@PR-Harness[bot] /lint"));
        assertEquals(Optional.empty(), parser.parse("@someone-else /lint"));
    }

    @Test
    void anythingElseIsNotACommand() {
        assertEquals(Optional.empty(), parser.parse("Looks good to me. /review later"));
        assertEquals(Optional.empty(), parser.parse("/"));
        assertEquals(Optional.empty(), parser.parse(""));
        assertEquals(Optional.empty(), parser.parse(null));
    }

    @Test
    void argumentsCannotReachAnythingButTheQuestion() {
        BotCommand ask = parser.parse("/ask --base-url http://evil.example OPENAI_API_KEY=x what now?").orElseThrow();
        assertEquals(new BotCommand.Ask("--base-url http://evil.example OPENAI_API_KEY=x what now?"), ask,
                "arguments are plain text of the question, never options");
        assertEquals(new BotCommand.Review(false), parser.parse("/review --endpoint=http://evil.example").orElseThrow());
    }

    @Test
    void helpListsEveryCommand() {
        for (String command : new String[] {"/review", "/review full", "/lint", "/ask", "/describe", "/help"}) {
            assertTrue(CommandParser.help().contains("`" + command), command);
        }
    }

    @Test
    void aReplyInAThreadIsACommandOrAQuestionWhenItMentionsTheBot() {
        assertEquals(Optional.of(new BotCommand.Ask("is this really wrong?")), parser.parseReply("@pr-harness is this really wrong?"));
        assertEquals(Optional.of(new BotCommand.Ask("what do you mean, ?")), parser.parseReply("what do you mean, @PR-Harness[bot]?"));
        assertEquals(Optional.empty(), parser.parseReply("thanks, fixed"));
        assertEquals(Optional.empty(), parser.parseReply("mail ops@pr-harness.example or @pr-harness-fan"),
                "an address or a longer name is not a mention");
        assertEquals(Optional.of(new BotCommand.Ignore(new dev.prharness.feedback.Gesture(
                dev.prharness.feedback.Feedback.Verdict.DISAGREE, dev.prharness.feedback.Feedback.Scope.RULE, ""))),
                parser.parseReply("/ignore rule\nit is intended here"));
        assertEquals("unignore", parser.parseReply("/unignore").orElseThrow().name());
        BotCommand malformed = parser.parseReply("/ignore path").orElseThrow();
        assertTrue(malformed instanceof BotCommand.Malformed m && m.problem().contains("needs one path glob"), malformed.toString());
    }
}
