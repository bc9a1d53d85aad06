package dev.prharness.aireview;

import dev.prharness.change.ChangeSet;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.Harness;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.RunUsage;
import dev.prharness.harness.ToolRegistry;
import dev.prharness.harness.ToolResultCache;
import dev.prharness.lint.LintEngine;
import dev.prharness.safety.UntrustedText;
import dev.prharness.tools.ReviewContext;
import dev.prharness.tools.ReviewDraft;
import dev.prharness.tools.ReviewTools;
import java.util.List;
import java.util.Map;

/** Answers a question about a change: the strong model in the harness loop with the read-only tools. */
public final class QuestionAnswerer {

    private final ModelClient client;
    private final Harness harness;
    private final HarnessSettings settings;
    private final ToolResultCache cache;
    private final LintEngine lintEngine;
    private final UntrustedText untrusted = new UntrustedText();

    public QuestionAnswerer(ModelClient client, Harness harness, HarnessSettings settings, ToolResultCache cache,
            LintEngine lintEngine) {
        this.client = client;
        this.harness = harness;
        this.settings = settings;
        this.cache = cache;
        this.lintEngine = lintEngine;
    }

    /** The answer, in markdown; says so when the model stopped at a limit without one. */
    public String answer(ChangeSet change, ReviewConfig config, String question) {
        MeteredModel model = new MeteredModel(client, change.info().id() + "@" + change.headSha().substring(0, 7) + "/ask",
                new RunUsage());
        List<String> paths = change.diff().files().stream().map(FileDiff::path).toList();
        ReviewContext context = new ReviewContext(change, paths, Map.of(), lintEngine, config.rules(), new ReviewDraft(), untrusted);
        ToolRegistry tools = new ToolRegistry(ReviewTools.readOnly(context), cache, change.headSha(),
                settings.limits().maxToolResultChars(), settings.limits().maxToolOutputCharsPerRun());
        String request = "Pull request:\n" + UntrustedText.frame("title", untrusted.prose(change.info().title()))
                + "\n" + UntrustedText.frame("description", untrusted.prose(change.info().body()))
                + "\n\nQuestion from a maintainer:\n" + UntrustedText.frame("question", untrusted.prose(question));
        Harness.RunResult result = harness.run(List.of(new ChatMessage.System(Prompts.text("ask-system.md")),
                new ChatMessage.User(request)), tools, model);
        if (result.finalText().isBlank()) {
            return "_No answer: the model " + result.reason().description() + " before answering._";
        }
        return result.finalText().strip();
    }
}
