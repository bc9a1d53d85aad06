package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.safety.UntrustedText;
import dev.prharness.diff.Diff;
import dev.prharness.diff.Side;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;
import dev.prharness.review.Finding;
import dev.prharness.review.Severity;

/**
 * {@code add_review_comment(...)}: stages a comment after checking it against the diff. A place GitHub
 * would refuse is refused here, with the reason and the nearest lines that work, so the model can retry.
 */
final class AddReviewCommentTool extends ReviewTool {

    static final int MAX_COMMENTS_PER_RUN = 50;
    private static final int MAX_BODY_CHARS = 4_000;

    AddReviewCommentTool(ReviewContext context) {
        super("add_review_comment", context);
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        String path = RepoPath.check(arguments.get("path").asText());
        int line = arguments.get("line").asInt();
        Integer startLine = arguments.hasNonNull("start_line") ? arguments.get("start_line").asInt() : null;
        if (startLine != null && startLine == line) {
            startLine = null;
        }
        Side side = Side.valueOf(arguments.path("side").asText("RIGHT"));
        String body = arguments.get("body").asText().strip();
        String suggestion = arguments.hasNonNull("suggestion") ? arguments.get("suggestion").asText() : null;
        if (body.isEmpty()) {
            throw new ToolException("body is empty; say what is wrong and how to fix it");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ToolException("body has " + body.length() + " characters; keep a comment under " + MAX_BODY_CHARS);
        }
        if (suggestion != null && side == Side.LEFT) {
            throw new ToolException("a suggestion replaces new-file lines; it cannot go on side LEFT");
        }
        if (!context.reviewPaths().contains(path)) {
            String why = context.skipped().get(path);
            throw new ToolException(why != null
                    ? UntrustedText.quote(path) + " is not in this review (" + why + "); comment only on files in review"
                    : UntrustedText.quote(path) + " is not one of the changed files; call list_changed_files for their paths");
        }
        Diff.Placement placement = context.change().diff().check(path, startLine, line, side);
        if (!placement.accepted()) {
            throw new ToolException("comment refused: " + placement.reason() + ". Call get_file_diff(" + UntrustedText.quote(path)
                    + ") to see which lines can take a comment, then call add_review_comment again.");
        }
        if (context.draft().size() >= MAX_COMMENTS_PER_RUN) {
            throw new ToolException("this review already has " + MAX_COMMENTS_PER_RUN
                    + " comments; keep only the most important and call submit_review");
        }
        Finding finding = new Finding(path, startLine, line, side, Severity.parse(arguments.get("severity").asText()),
                "model", null, body, suggestion);
        if (!context.draft().stage(finding)) {
            return ToolOutcome.ok("This comment is already staged; no need to add it again.");
        }
        return ToolOutcome.ok("Comment staged on " + UntrustedText.quote(path) + ":" + (startLine == null ? "" : startLine + "-") + line
                + " (" + side + "). " + context.draft().size() + " comments staged so far.");
    }
}
