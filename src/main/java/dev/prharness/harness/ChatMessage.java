package dev.prharness.harness;

import java.util.List;

/** One message of a conversation with the model, independent of any API library. */
public sealed interface ChatMessage {

    String text();

    /** The program's instructions. */
    record System(String text) implements ChatMessage {}

    /** A request from the program (with any data framed as untrusted). */
    record User(String text) implements ChatMessage {}

    /** The model's turn: prose and/or tool calls. */
    record Assistant(String text, List<ToolCall> toolCalls) implements ChatMessage {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The answer to one tool call. */
    record ToolResult(String toolCallId, String text) implements ChatMessage {}
}
