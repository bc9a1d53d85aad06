package dev.prharness.aireview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.diff.FileDiff;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelReply;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.ToolCall;
import dev.prharness.harness.ToolSpec;
import dev.prharness.safety.UntrustedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap model picks which files deserve the deep review. Its answer comes as a function call, so it is
 * structured; anything it gets wrong (a path it invented, a path it forgot, no call at all, an error) falls
 * back to reviewing the file.
 */
final class ModelTriage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIFF_PREVIEW_LINES = 12;

    private final ToolSpec selectFiles = Prompts.tool("triage.json", "select_files");
    private final UntrustedText untrusted = new UntrustedText();

    /** Paths the cheap model says to skip, with its reasons; every other file is reviewed. */
    Map<String, String> skips(List<FileDiff> files, MeteredModel model) {
        StringBuilder material = new StringBuilder();
        for (FileDiff file : files) {
            material.append("## ").append(file.path()).append(" (").append(file.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(", +").append(file.additions()).append(" -").append(file.deletions()).append(")\n");
            file.hunks().stream().flatMap(h -> h.lines().stream()).limit(DIFF_PREVIEW_LINES)
                    .forEach(l -> material.append(switch (l.kind()) {
                        case ADDED -> "+";
                        case REMOVED -> "-";
                        case CONTEXT -> " ";
                    }).append(l.text()).append('\n'));
        }
        ModelReply reply;
        try {
            reply = model.call("triage", 0, new ModelRequest(ModelRole.CHEAP, List.of(
                    new ChatMessage.System(Prompts.text("triage-system.md")),
                    new ChatMessage.User("Files of the change:\n" + UntrustedText.frame("changed files",
                            untrusted.code(material.toString())))), List.of(selectFiles)));
        } catch (ModelCallException e) {
            return Map.of();
        }
        Map<String, String> skips = new LinkedHashMap<>();
        for (ToolCall call : reply.toolCalls()) {
            if (!call.name().equals(selectFiles.name())) {
                continue;
            }
            try {
                JsonNode arguments = JSON.readTree(call.arguments());
                for (JsonNode skip : arguments.path("skip")) {
                    String path = skip.path("path").asText();
                    boolean known = files.stream().anyMatch(f -> f.path().equals(path));
                    if (known) {
                        skips.put(path, "triage: " + skip.path("reason").asText("not worth a deep review"));
                    }
                }
            } catch (JsonProcessingException e) {
                return Map.of();
            }
        }
        return skips;
    }
}
