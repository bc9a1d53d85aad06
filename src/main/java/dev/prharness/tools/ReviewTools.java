package dev.prharness.tools;

import dev.prharness.harness.Tool;
import java.util.List;

/** The six tools of SPEC §5 for one review, or the read-only ones for answering a question. */
public final class ReviewTools {

    private ReviewTools() {}

    /** list_changed_files, get_file_diff, read_file, run_linters, add_review_comment, submit_review. */
    public static List<Tool> forReview(ReviewContext context) {
        return List.of(new ListChangedFilesTool(context), new GetFileDiffTool(context), new ReadFileTool(context),
                new RunLintersTool(context), new AddReviewCommentTool(context), new SubmitReviewTool(context));
    }

    /** The tools that only read: for answering questions about a change. */
    public static List<Tool> readOnly(ReviewContext context) {
        return List.of(new ListChangedFilesTool(context), new GetFileDiffTool(context), new ReadFileTool(context),
                new RunLintersTool(context));
    }
}
