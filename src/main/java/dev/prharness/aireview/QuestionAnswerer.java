package dev.prharness.aireview;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.Harness;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.RunUsage;
import dev.prharness.harness.ToolRegistry;
import dev.prharness.safety.UntrustedText;
import dev.prharness.tools.ReviewContext;
import dev.prharness.tools.ReviewDraft;
import dev.prharness.tools.ReviewTools;
import java.util.List;
import java.util.Map;

/** Answers a question about a change: the strong model in the harness loop with the read-only tools. */
public final class QuestionAnswerer {

    private final AiSetup ai;
    private final UntrustedText untrusted = new UntrustedText();

    public QuestionAnswerer(AiSetup ai) {
        this.ai = ai;
    }

    /** The answer, in markdown; says so when the model stopped at a limit without one. */
    public String answer(ChangeSet change, ReviewConfig config, String question) {
        return answer(change, config, question, "");
    }

    /**
     * The answer to a question asked in a review thread: {@code thread} is the conversation so far (where it sits, the
     * commented code, who said what), given to the model as the question's context and, like the question, as data.
     */
    public String answer(ChangeSet change, ReviewConfig config, String question, String thread) {
        MeteredModel model = new MeteredModel(ai.client(), change.info().id() + "@" + change.headSha().substring(0, 7) + "/ask",
                new RunUsage());
        List<String> paths = change.diff().files().stream().map(FileDiff::path).toList();
        ReviewContext context = new ReviewContext(change, paths, Map.of(), ai.lintEngine(), config.rules(), new ReviewDraft(), UntrustedText.forToolResults());
        ToolRegistry tools = new ToolRegistry(ReviewTools.readOnly(context), ai.cache(), context.cacheScope(),
                ai.settings().limits().maxToolResultChars(), ai.settings().limits().maxToolOutputCharsPerRun());
        String request = "Pull request:\n" + UntrustedText.frame("title", untrusted.prose(change.info().title()))
                + "\n" + UntrustedText.frame("description", untrusted.prose(change.info().body()))
                + (thread.isBlank() ? "" : "\n\nThe review thread the question was asked in:\n"
                        + UntrustedText.frame("thread", untrusted.prose(thread)))
                + "\n\nQuestion from a maintainer:\n" + UntrustedText.frame("question", untrusted.prose(question));
        Harness.RunResult result = ai.harness().run(List.of(new ChatMessage.System(Prompts.text("ask-system.md")),
                new ChatMessage.User(request)), tools, model);
        if (result.finalText().isBlank()) {
            return "_No answer: the model " + result.reason().description() + " before answering._";
        }
        return result.finalText().strip();
    }
}
