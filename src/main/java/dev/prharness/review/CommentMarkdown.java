package dev.prharness.review;

import dev.prharness.safety.InertText;
import java.util.List;

/**
 * The markdown body of one inline comment as it is posted on GitHub: severity, source and rule, the
 * message (made inert: it may come from the model or quote the repository), why it matters and the fix, an
 * optional {@code suggestion} block, how to silence it and the rule's documentation, and the hidden fingerprint
 * marker, which only the bot writes.
 */
public final class CommentMarkdown {

    /** The prefix of every hidden marker the bot writes; what follows it identifies the comment. */
    public static final String MARKER_PREFIX = "<!-- pr-harness:";
    private static final java.util.regex.Pattern RULE_MARKER =
            java.util.regex.Pattern.compile("<!-- pr-harness:rule ([A-Za-z0-9_.+/-]+) ([A-Za-z0-9_.+/-]+) -->");

    /** Message and suggestion share GitHub's 65,536 characters with the heading, fences and marker. */
    private static final int MAX_MESSAGE_CHARS = 30_000;
    private static final int MAX_SUGGESTION_CHARS = 30_000;
    private static final int LISTED_LINES = 30;

    private CommentMarkdown() {}

    public static String body(ReviewComment comment) {
        StringBuilder body = new StringBuilder();
        body.append(badge(comment.severity())).append(" **").append(comment.severity().label()).append("**");
        if (comment.rule() != null && !comment.rule().isBlank()) {
            body.append(" · ").append(comment.source()).append(' ').append(InertText.codeSpan(comment.rule()));
        } else {
            body.append(" · ").append(comment.source());
        }
        String marker = marker(comment.fingerprint());
        // A suggestion is code to commit as written: one that would carry a marker is left out rather than altered.
        String suggestion = comment.suggestion() != null && comment.suggestion().length() < MAX_SUGGESTION_CHARS
                && !comment.suggestion().contains("<!--") ? comment.suggestion() : null;
        body.append("\n\n").append(BodyLimit.fit(InertText.markdown(comment.message().strip()), MAX_MESSAGE_CHARS,
                "*(cut: the message was longer than a comment can hold)*")).append('\n');
        RuleHelp help = comment.help();
        if (!help.why().isEmpty()) {
            body.append("\n**Why it matters:** ").append(InertText.markdown(help.why())).append('\n');
        }
        if (!help.fix().isEmpty()) {
            body.append("\n**Fix:** ").append(InertText.markdown(help.fix())).append('\n');
        }
        if (suggestion != null) {
            String fence = fenceFor(suggestion);
            body.append('\n').append(fence).append("suggestion\n").append(suggestion);
            if (!suggestion.endsWith("\n")) {
                body.append('\n');
            }
            body.append(fence).append('\n');
        }
        if (!comment.alsoLines().isEmpty()) {
            body.append("\nAlso on ").append(comment.alsoLines().size() == 1 ? "line " : "lines ")
                    .append(lineList(comment.alsoLines())).append(" (the same code).\n");
        }
        String footer = footer(help);
        if (!footer.isEmpty()) {
            body.append("\n<sub>").append(footer).append("</sub>\n");
        }
        body.append('\n').append(ruleMarker(comment.source(), comment.rule()));
        body.append('\n').append(marker);
        comment.alsoFingerprints().forEach(f -> body.append('\n').append(marker(f)));
        return body.toString();
    }

    /** How to silence one place, and where the rule is documented; empty when neither is known. */
    private static String footer(RuleHelp help) {
        StringBuilder out = new StringBuilder();
        if (!help.suppression().isEmpty()) {
            out.append("Intended? Silence this one with ").append(InertText.codeSpan(help.suppression()));
        }
        if (!help.docUrl().isEmpty()) {
            out.append(out.isEmpty() ? "" : " · ").append("[rule documentation](").append(help.docUrl()).append(')');
        }
        return out.toString();
    }

    /** Up to {@value #LISTED_LINES} line numbers, then how many more. */
    static String lineList(List<Integer> lines) {
        String listed = String.join(", ", lines.stream().limit(LISTED_LINES).map(String::valueOf).toList());
        return lines.size() > LISTED_LINES ? listed + " and " + (lines.size() - LISTED_LINES) + " more" : listed;
    }

    public static String marker(String fingerprint) {
        return MARKER_PREFIX + fingerprint + " -->";
    }

    /** Which source and rule an inline comment is from, for maintainers' feedback on it (names cut to safe characters). */
    static String ruleMarker(String source, String rule) {
        return MARKER_PREFIX + "rule " + safeName(source) + " " + safeName(rule == null || rule.isBlank() ? "-" : rule) + " -->";
    }

    /** The source and rule named in a comment the bot wrote, when it has them. */
    /** A comment of the bot's as a reader sees it: its hidden markers taken out. */
    public static String withoutMarkers(String body) {
        return body == null ? "" : body.replaceAll(java.util.regex.Pattern.quote(MARKER_PREFIX) + "[^>]*-->", "");
    }

    public static java.util.Optional<String[]> ruleOf(String body) {
        java.util.regex.Matcher m = RULE_MARKER.matcher(body == null ? "" : body);
        return m.find() ? java.util.Optional.of(new String[] {m.group(1), m.group(2)}) : java.util.Optional.empty();
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.+/-]", "_");
        return safe.isEmpty() ? "-" : safe;
    }

    public static String badge(Severity severity) {
        return switch (severity) {
            case ERROR -> "🔴";
            case WARNING -> "🟠";
            case INFO -> "🔵";
        };
    }

    /** A backtick fence longer than any run of backticks inside the text, and at least three long. */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
