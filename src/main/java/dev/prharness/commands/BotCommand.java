package dev.prharness.commands;

import dev.prharness.feedback.Feedback;
import dev.prharness.feedback.Gesture;
import java.util.Locale;

/** A command a maintainer wrote in a pull request comment (SPEC §8). */
public sealed interface BotCommand {

    /** The command's name, as the job kind and in replies. */
    String name();

    /** {@code /review} (what is new since the last review) or {@code /review full}. */
    record Review(boolean full) implements BotCommand {
        @Override
        public String name() {
            return "review";
        }
    }

    /** {@code /lint}: linters only, no model. */
    record Lint() implements BotCommand {
        @Override
        public String name() {
            return "lint";
        }
    }

    /** {@code /ask QUESTION}: an answer from the strong model with read-only tools. */
    record Ask(String question) implements BotCommand {
        @Override
        public String name() {
            return "ask";
        }
    }

    /** {@code /describe}: a summary of the pull request, posted as a comment. */
    record Describe() implements BotCommand {
        @Override
        public String name() {
            return "describe";
        }
    }

    /**
     * {@code /ignore}, {@code /ignore rule}, {@code /ignore path GLOB} and their {@code /unignore} twins: a reply in one of
     * the bot's threads that silences the finding (or its rule) or takes a silence back.
     */
    record Ignore(Gesture gesture) implements BotCommand {
        @Override
        public String name() {
            return gesture.verdict() == Feedback.Verdict.RESTORE ? "unignore" : "ignore";
        }
    }

    /** A known command written wrongly: its name and what is wrong with it. */
    record Malformed(String name, String problem) implements BotCommand {}

    /** {@code /help}, and what an unknown command gets. */
    record Help(String unknown) implements BotCommand {
        @Override
        public String name() {
            return "help";
        }
    }

    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
