package dev.prharness.review;

/**
 * The markdown body of one inline comment as it is posted on GitHub: severity, source and rule, the
 * message, an optional {@code suggestion} block, and the hidden fingerprint marker.
 */
public final class CommentMarkdown {

    /** The prefix of every hidden marker the bot writes; what follows it identifies the comment. */
    public static final String MARKER_PREFIX = "<!-- pr-harness:";

    private CommentMarkdown() {}

    public static String body(ReviewComment comment) {
        StringBuilder body = new StringBuilder();
        body.append(badge(comment.severity())).append(" **").append(comment.severity().label()).append("**");
        if (comment.rule() != null && !comment.rule().isBlank()) {
            body.append(" · ").append(comment.source()).append(" `").append(comment.rule()).append('`');
        } else {
            body.append(" · ").append(comment.source());
        }
        body.append("\n\n").append(comment.message().strip()).append('\n');
        if (comment.suggestion() != null) {
            String fence = fenceFor(comment.suggestion());
            body.append('\n').append(fence).append("suggestion\n").append(comment.suggestion());
            if (!comment.suggestion().endsWith("\n")) {
                body.append('\n');
            }
            body.append(fence).append('\n');
        }
        body.append('\n').append(marker(comment.fingerprint()));
        return body.toString();
    }

    public static String marker(String fingerprint) {
        return MARKER_PREFIX + fingerprint + " -->";
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
