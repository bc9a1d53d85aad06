package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.harness.Tool;
import dev.prharness.harness.ToolException;
import dev.prharness.harness.ToolOutcome;
import dev.prharness.harness.ToolSpec;

/** {@code submit_review(summary)}: records the model's summary and ends the loop. Approves nothing. */
final class SubmitReviewTool implements Tool {

    private final ReviewContext context;

    SubmitReviewTool(ReviewContext context) {
        this.context = context;
    }

    @Override
    public ToolSpec spec() {
        return ToolSpecs.named("submit_review");
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
