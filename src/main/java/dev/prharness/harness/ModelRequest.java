package dev.prharness.harness;

import java.util.List;

/** One call to a model: the role, the conversation so far, and the tools it may call (possibly none). */
public record ModelRequest(ModelRole role, List<ChatMessage> messages, List<ToolSpec> tools) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
