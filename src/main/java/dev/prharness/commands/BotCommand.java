package dev.prharness.commands;

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
