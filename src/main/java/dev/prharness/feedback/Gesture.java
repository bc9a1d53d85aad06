package dev.prharness.feedback;

import dev.prharness.diff.PathGlob;
import java.util.Locale;
import java.util.Optional;

/**
 * A reply in one of the bot's threads that silences or restores: {@code /ignore} (this finding), {@code /ignore rule}
 * (the finding's rule in this repository), {@code /ignore path GLOB} (the rule in matching paths), and {@code /unignore}
 * with the same words to take one back. Read from the reply's first line, as commands are; anything after the words is
 * a glob or nothing.
 */
public record Gesture(Feedback.Verdict verdict, Feedback.Scope scope, String glob) {

    /** The gesture a reply's first line holds, if it is one; a malformed one (no glob, a broken glob) is an error. */
    public static Optional<Gesture> parse(String firstLine) {
        String line = firstLine.strip();
        String[] words = line.split("\\s+", 3);
        String command = words[0].toLowerCase(Locale.ROOT);
        if (!command.equals("/ignore") && !command.equals("/unignore")) {
            return Optional.empty();
        }
        Feedback.Verdict verdict = command.equals("/ignore") ? Feedback.Verdict.DISAGREE : Feedback.Verdict.RESTORE;
        if (words.length == 1) {
            return Optional.of(new Gesture(verdict, Feedback.Scope.FINDING, ""));
        }
        return switch (words[1].toLowerCase(Locale.ROOT)) {
            case "rule" -> Optional.of(new Gesture(verdict, Feedback.Scope.RULE, ""));
            case "path" -> {
                String glob = words.length > 2 ? words[2].strip() : "";
                if (glob.startsWith("`") && glob.endsWith("`") && glob.length() > 1) {
                    glob = glob.substring(1, glob.length() - 1);
                }
                if (!PathGlob.valid(glob) || glob.contains(" ") || glob.contains("`") || glob.length() > 200) {
                    throw new IllegalArgumentException("`" + command + " path` needs one path glob, e.g. `" + command
                            + " path src/test/**`");
                }
                yield Optional.of(new Gesture(verdict, Feedback.Scope.PATH, glob));
            }
            default -> throw new IllegalArgumentException("`" + command + " " + words[1] + "` is not a form I know: use `"
                    + command + "`, `" + command + " rule` or `" + command + " path GLOB`");
        };
    }
}
