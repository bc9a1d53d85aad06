package dev.prharness.harness;

import java.util.List;

/**
 * The model's answer to one call, with what it cost: prompt tokens (of which {@code cachedTokens} were served
 * from the provider's prompt cache) and completion tokens (of which {@code reasoningTokens} were the model's
 * hidden reasoning, for reasoning models).
 */
public record ModelReply(String text, List<ToolCall> toolCalls, String model, long promptTokens, long cachedTokens,
        long completionTokens, long reasoningTokens, double costUsd, String finishReason) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }
}
