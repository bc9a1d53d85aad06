package dev.prharness.review;

import dev.prharness.safety.InertText;

/**
 * The {@code --format markdown} output: the review body followed by each inline comment exactly as it
 * would be posted on GitHub, under the place it would be posted at.
 */
public final class MarkdownReport implements ReviewRenderer {

    @Override
    public String render(Review review) {
        StringBuilder out = new StringBuilder(review.summary().strip()).append("\n");
        if (!review.comments().isEmpty()) {
            out.append("\n## Inline comments\n");
            for (ReviewComment c : review.comments()) {
                out.append("\n### ").append(InertText.codeSpan(c.path())).append(' ').append(lines(c)).append("\n\n");
                out.append(CommentMarkdown.body(c)).append('\n');
            }
        }
        return out.toString();
    }

    private static String lines(ReviewComment c) {
        String side = c.side().name().equals("LEFT") ? " (old)" : "";
        return c.startLine() == null ? "line " + c.line() + side : "lines " + c.startLine() + "–" + c.line() + side;
    }
}
