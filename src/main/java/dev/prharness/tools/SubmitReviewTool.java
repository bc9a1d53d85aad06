package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;

/** {@code submit_review(summary)}: records the model's summary and ends the loop. Approves nothing. */
final class SubmitReviewTool extends ReviewTool {

    SubmitReviewTool(ReviewContext context) {
        super("submit_review", context);
    }

    @Override
    public ToolOutcome execute(JsonNode arguments) {
        String summary = arguments.get("summary").asText().strip();
        if (summary.isEmpty()) {
            throw new ToolException("summary is empty; write a few sentences on the overall assessment");
        }
        context.draft().submit(summary);
        return ToolOutcome.finish("Review submitted with " + context.draft().size() + " comments.");
    }
}
