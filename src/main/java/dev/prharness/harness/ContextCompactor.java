package dev.prharness.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shrinks a long conversation: the results of older tool calls are summarised by the cheap model and
 * replaced by that summary, so the strong model keeps the facts without the bulk. Tool calls and their
 * answers stay paired, as the API requires; only the answers' text changes.
 */
public final class ContextCompactor {

    static final String SUMMARY_HEADER = "[Summary of earlier tool results, written by the cheap model]\n";
    static final String FOLDED = "[compacted: this result is included in the summary of an earlier tool result]";

    private final String instructions;
    private final int keepRecentResults;

    /** {@code instructions} is the cheap model's system prompt; the newest {@code keepRecentResults} stay as they are. */
    public ContextCompactor(String instructions, int keepRecentResults) {
        this.instructions = instructions;
        this.keepRecentResults = keepRecentResults;
    }

    /** The compacted conversation and the cheap model's reply, or the same conversation when nothing is old enough. */
    public Compaction compact(List<ChatMessage> messages, Function<ModelRequest, ModelReply> model) {
        List<Integer> resultIndexes = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof ChatMessage.ToolResult result && !result.text().equals(FOLDED)
                    && !result.text().startsWith(SUMMARY_HEADER) && !StaleToolResults.isNote(result.text())) {
                resultIndexes.add(i);
            }
        }
        if (resultIndexes.size() <= keepRecentResults) {
            return new Compaction(messages, null);
        }
        List<Integer> old = resultIndexes.subList(0, resultIndexes.size() - keepRecentResults);
        Map<String, ToolCall> calls = new HashMap<>();
        for (ChatMessage message : messages) {
            if (message instanceof ChatMessage.Assistant assistant) {
                assistant.toolCalls().forEach(c -> calls.put(c.id(), c));
            }
        }
        StringBuilder material = new StringBuilder();
        for (int index : old) {
            ChatMessage.ToolResult result = (ChatMessage.ToolResult) messages.get(index);
            ToolCall call = calls.get(result.toolCallId());
            material.append("### ").append(call == null ? "tool" : call.name() + " " + call.arguments()).append('\n')
                    .append(result.text()).append("\n\n");
        }
        ModelReply reply = model.apply(new ModelRequest(ModelRole.CHEAP,
                List.of(new ChatMessage.System(instructions), new ChatMessage.User(material.toString())), List.of()));
        List<ChatMessage> compacted = new ArrayList<>(messages);
        for (int i = 0; i < old.size(); i++) {
            int index = old.get(i);
            String id = ((ChatMessage.ToolResult) messages.get(index)).toolCallId();
            compacted.set(index, new ChatMessage.ToolResult(id, i == 0 ? SUMMARY_HEADER + reply.text() : FOLDED));
        }
        return new Compaction(compacted, reply);
    }

    /** The conversation after compaction, and the cheap model's reply (null when nothing was compacted). */
    public record Compaction(List<ChatMessage> messages, ModelReply reply) {
        public boolean happened() {
            return reply != null;
        }
    }
}
