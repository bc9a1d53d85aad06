package dev.prharness.review;

import dev.prharness.safety.InertText;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one summary comment per pull request, edited in place on every run. Hidden markers identify it and
 * carry the last reviewed head, so an incremental review needs no database.
 */
public final class SummaryComment {

    public static final String MARKER = CommentMarkdown.MARKER_PREFIX + "summary -->";
    private static final Pattern STATE = Pattern.compile("<!-- pr-harness:state head=([0-9a-f]{7,64}) -->");

    /** The review's summary and the problems share the comment's 65,536 characters with the markers and scope line. */
    private static final int SUMMARY_BUDGET = 55_000;
    private static final int PROBLEMS_BUDGET = 8_000;

    private SummaryComment() {}

    /** The comment: marker, what the run reviewed, the review's summary, problems worth saying, state. */
    public static String render(String scopeLine, String reviewSummary, String problems, String reviewedHead) {
        StringBuilder out = new StringBuilder(MARKER).append('\n');
        out.append(BodyLimit.fit(reviewSummary.strip(), SUMMARY_BUDGET, "*(The summary was cut here: it was longer than "
                + "a GitHub comment can hold. `pr-harness review-pr --dry-run --format json` prints the whole review.)*"))
                .append("\n\n");
        if (!scopeLine.isBlank()) {
            out.append("<sub>").append(scopeLine.strip()).append("</sub>\n");
        }
        if (problems != null && !problems.isBlank()) {
            out.append("\n> [!WARNING]\n");
            BodyLimit.fit(InertText.markdown(problems.strip()), PROBLEMS_BUDGET, "(more problems were cut)").lines()
                    .forEach(l -> out.append("> ").append(l).append('\n'));
        }
        out.append("\n<!-- pr-harness:state head=").append(reviewedHead).append(" -->\n");
        return out.toString();
    }

    /** A summary starts with its marker (where the bot writes it; anywhere else it is someone's quote). */
    public static boolean isSummary(String body) {
        return body != null && body.startsWith(MARKER);
    }

    /** The head commit the summary says was reviewed last: read from its last line only, where the bot writes it. */
    public static Optional<String> lastReviewedHead(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String last = body.strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        Matcher m = STATE.matcher(last);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
