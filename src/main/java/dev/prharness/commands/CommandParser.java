package dev.prharness.commands;

import java.util.Optional;

/**
 * Reads a command from a comment: its first line must start with {@code /} (or with {@code @bot } and then
 * {@code /}). Arguments are plain text: nothing in them can change credentials, endpoints or files read.
 */
public final class CommandParser {

    private final Optional<String> botLogin;

    /** {@code botLogin} is the bot's login, e.g. {@code pr-harness[bot]}; mentions may leave out {@code [bot]}. */
    public CommandParser(Optional<String> botLogin) {
        this.botLogin = botLogin;
    }

    public Optional<BotCommand> parse(String commentBody) {
        if (commentBody == null) {
            return Optional.empty();
        }
        String text = commentBody.replace("\r\n", "\n").stripLeading();
        int newline = text.indexOf('\n');
        String first = (newline < 0 ? text : text.substring(0, newline)).strip();
        String rest = newline < 0 ? "" : text.substring(newline + 1).strip();
        first = withoutMention(first);
        if (!first.startsWith("/") || first.length() < 2) {
            return Optional.empty();
        }
        String[] parts = first.substring(1).split("\\s+", 2);
        String word = BotCommand.normalise(parts[0]);
        String arguments = parts.length > 1 ? parts[1].strip() : "";
        return Optional.of(switch (word) {
            case "review" -> new BotCommand.Review(arguments.equalsIgnoreCase("full"));
            case "lint" -> new BotCommand.Lint();
            case "ask" -> new BotCommand.Ask((arguments + (rest.isEmpty() ? "" : "\n" + rest)).strip());
            case "describe" -> new BotCommand.Describe();
            case "help" -> new BotCommand.Help("");
            default -> new BotCommand.Help(word);
        });
    }

    private String withoutMention(String line) {
        if (!line.startsWith("@") || botLogin.isEmpty()) {
            return line;
        }
        String login = botLogin.get();
        String slug = login.endsWith("[bot]") ? login.substring(0, login.length() - "[bot]".length()) : login;
        for (String mention : new String[] {"@" + login + " ", "@" + slug + " "}) {
            if (line.regionMatches(true, 0, mention, 0, mention.length())) {
                return line.substring(mention.length()).strip();
            }
        }
        return line;
    }

    /** The help text: every command with one line. */
    public static String help() {
        return """
                **pr-harness commands** (for people with write access to this repository):

                | command | what it does |
                |---|---|
                | `/review` | review the commits pushed since the last review |
                | `/review full` | review the whole pull request again |
                | `/lint` | run the linters only (Checkstyle, PMD), no AI |
                | `/ask QUESTION` | ask the AI a question about this pull request; the answer comes as a reply |
                | `/describe` | post an AI summary of what this pull request does |
                | `/help` | show this list |

                **Teach the bot:** react 👎 to one of its inline comments when it is wrong or not worth it. From someone
                with write access, that silences the finding: it is not commented again, here or (with the App) on any
                later pull request of this repository, and the summary lists it. 👍 says the comment helped. The bot
                reads reactions at its next review of the pull request.
                """;
    }
}
