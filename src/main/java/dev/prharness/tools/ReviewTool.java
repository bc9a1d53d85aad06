package dev.prharness.tools;

import dev.prharness.harness.Tool;
import dev.prharness.harness.ToolSpec;

/** What the review tools share: their spec from {@code prompts/tools.json} and the run's context. */
abstract class ReviewTool implements Tool {

    protected final ReviewContext context;
    private final ToolSpec spec;

    ReviewTool(String name, ReviewContext context) {
        this.spec = ToolSpecs.named(name);
        this.context = context;
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }
}
