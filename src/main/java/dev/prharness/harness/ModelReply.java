package dev.prharness.harness;

import java.util.List;

/** The model's answer to one call, with what it cost. */
public record ModelReply(String text, List<ToolCall> toolCalls, String model, long promptTokens,
        long completionTokens, double costUsd, String finishReason) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }
}
