package dev.prharness.harness;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size in tokens of one run's conversation, kept as it grows, for the compaction threshold. Until the provider
 * reports a prompt's size, each message is counted once with the local tokenizer. Once it has, the provider's own
 * count calibrates an estimate: characters per token of this conversation as the provider tokenizes it, applied to
 * each message's length; never more than {@link #MAX_CHARS_PER_TOKEN}, since the newest messages (often code, which
 * takes more tokens per character than the prose the conversation began with) are not in the calibration yet, and
 * compacting a turn early costs less than a turn late. It costs nothing per token, and it follows the real model's
 * tokenizer rather than o200k.
 */
final class ConversationSize {

    private static final int PER_MESSAGE_OVERHEAD = 4;
    static final double MAX_CHARS_PER_TOKEN = 3.0;

    private final TokenCounter counter;
    private final long toolChars;
    private final Map<ChatMessage, Long> counted = new IdentityHashMap<>();
    private double charsPerToken;

    /** {@code toolChars}: the length of the tool schemas sent with every request, part of what the provider counts. */
    ConversationSize(TokenCounter counter, long toolChars) {
        this.counter = counter;
        this.toolChars = toolChars;
    }

    long of(List<ChatMessage> messages) {
        if (charsPerToken > 0) {
            return Math.round(chars(messages) / charsPerToken) + (long) PER_MESSAGE_OVERHEAD * messages.size();
        }
        long total = 0;
        for (ChatMessage message : messages) {
            total += counted.computeIfAbsent(message, m -> counter.count(List.of(m)));
        }
        return total;
    }

    /** What the provider said the request of {@code sent} (with the tools) counted; 0 when it did not say. */
    void reported(List<ChatMessage> sent, long promptTokens) {
        long content = promptTokens - (long) PER_MESSAGE_OVERHEAD * sent.size();
        if (content > 0) {
            charsPerToken = Math.min(MAX_CHARS_PER_TOKEN, Math.max(1.0, (chars(sent) + toolChars) / (double) content));
        }
    }

    private static long chars(List<ChatMessage> messages) {
        long total = 0;
        for (ChatMessage message : messages) {
            total += message.text().length();
            if (message instanceof ChatMessage.Assistant assistant) {
                for (ToolCall call : assistant.toolCalls()) {
                    total += call.name().length() + (call.arguments() == null ? 0 : call.arguments().length());
                }
            }
        }
        return total;
    }
}
