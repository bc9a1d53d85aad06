package dev.prharness.review;

/**
 * GitHub takes at most 65,536 characters in a comment or a review body (a longer one is refused whole with a
 * 422). Everything the bot writes is cut to fit here, and says where it was cut.
 */
public final class BodyLimit {

    public static final int MAX_CHARS = 65_536;

    private BodyLimit() {}

    /**
     * {@code text} when it is at most {@code budget} characters; else its start, cut at a line end where one is
     * near, with {@code note} after it, {@code budget} characters at most in all.
     */
    public static String fit(String text, int budget, String note) {
        if (text.length() <= budget) {
            return text;
        }
        int keep = Math.max(0, budget - note.length() - 1);
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        int lineEnd = text.lastIndexOf('\n', keep);
        if (lineEnd > keep - 2_000 && lineEnd > 0) {
            keep = lineEnd;
        }
        return text.substring(0, keep) + "\n" + note;
    }
}
