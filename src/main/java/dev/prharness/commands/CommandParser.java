package dev.prharness.commands;

import dev.prharness.feedback.Gesture;
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
            case "ignore", "unignore" -> gesture(word, first);
            default -> new BotCommand.Help(word);
        });
    }

    private static BotCommand gesture(String word, String firstLine) {
        try {
            return Gesture.parse(firstLine).<BotCommand>map(BotCommand.Ignore::new).orElse(new BotCommand.Help(word));
        } catch (IllegalArgumentException e) {
            return new BotCommand.Malformed(word, e.getMessage());
        }
    }

    /**
     * Reads a reply in a thread: a command, as in a conversation comment, or else, when the reply mentions the bot
     * anywhere, a question (the reply without the mention).
     */
    public Optional<BotCommand> parseReply(String replyBody) {
        Optional<BotCommand> command = parse(replyBody);
        if (command.isPresent() || replyBody == null || botLogin.isEmpty()) {
            return command;
        }
        java.util.regex.Matcher mention = mention().matcher(replyBody);
        if (!mention.find()) {
            return Optional.empty();
        }
        return Optional.of(new BotCommand.Ask(mention.replaceAll("").strip()));
    }

    /** Whether {@code text} mentions the bot ({@code @login} or {@code @slug}, not inside a longer name). */
    public boolean mentions(String text) {
        return botLogin.isPresent() && text != null && mention().matcher(text).find();
    }

    private java.util.regex.Pattern mention() {
        String login = botLogin.orElseThrow();
        String slug = login.endsWith("[bot]") ? login.substring(0, login.length() - "[bot]".length()) : login;
        return java.util.regex.Pattern.compile("(?<![\\w@])@(?:" + java.util.regex.Pattern.quote(login) + "|"
                + java.util.regex.Pattern.quote(slug) + ")(?![\\w-])", java.util.regex.Pattern.CASE_INSENSITIVE);
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

                **In a reply to one of the bot's inline comments:**

                | reply | what it does |
                |---|---|
                | `/ask QUESTION`, or any reply that mentions the bot | answered in that thread, with the thread as context |
                | `/ignore` | never comment this finding again (like a 👎) |
                | `/ignore rule` | never comment this rule again in this repository |
                | `/ignore path GLOB` | never comment this rule again in paths matching GLOB, e.g. `src/test/**` |
                | `/unignore`, `/unignore rule`, `/unignore path GLOB` | take one of those back |

                **Teach the bot:** react 👎 to one of its inline comments (or reply `/ignore`) when it is wrong or not worth
                it. From someone with write access, that silences the finding: it is not commented again, here or (with
                the App) on any later pull request of this repository, and the summary lists it. With the Action, which
                keeps no state, `/ignore rule` and `/ignore path` hold for this pull request and the reply gives the
                lines to add to `.github/pr-harness.yml`. 👍 or resolving the thread says the comment helped. The bot
                reads reactions and resolved threads at its next review of the pull request.
                """;
    }
}
