package dev.prharness.aireview;

import dev.prharness.change.ChangeInfo;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.safety.UntrustedText;
import java.util.List;
import java.util.Optional;

/** The cheap model's short description of what a change does, for the top of the review. */
public final class ChangeDescriber {

    private static final int MAX_DIFF_CHARS = 24_000;

    private final UntrustedText untrusted = new UntrustedText();

    /** The description, or empty when the model could not be reached (the review goes on without it). */
    public Optional<String> describe(ChangeInfo info, List<FileDiff> files, MeteredModel model) {
        StringBuilder diff = new StringBuilder();
        for (FileDiff file : files) {
            if (diff.length() > MAX_DIFF_CHARS) {
                diff.append("… (").append(files.size()).append(" files in all; the rest left out)\n");
                break;
            }
            diff.append("## ").append(file.path()).append('\n');
            file.hunks().forEach(h -> {
                diff.append(h.header()).append('\n');
                h.lines().forEach(l -> diff.append(switch (l.kind()) {
                    case ADDED -> "+";
                    case REMOVED -> "-";
                    case CONTEXT -> " ";
                }).append(l.text()).append('\n'));
            });
        }
        String material = "Title:\n" + UntrustedText.frame("title", untrusted.prose(info.title()))
                + "\n\nDescription:\n" + UntrustedText.frame("description", untrusted.prose(info.body()))
                + "\n\nDiff:\n" + UntrustedText.frame("diff", untrusted.code(truncate(diff.toString())));
        try {
            String text = model.call("summary", 0, new ModelRequest(ModelRole.CHEAP, List.of(
                    new ChatMessage.System(Prompts.text("summary-system.md")), new ChatMessage.User(material)), List.of()))
                    .text().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (ModelCallException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DIFF_CHARS + 2_000 ? text : text.substring(0, MAX_DIFF_CHARS) + "\n…";
    }
}
