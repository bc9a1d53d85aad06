package dev.prharness.harness;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Estimates the tokens of a conversation offline (o200k encoding, what current OpenAI models use; other
 * models' tokenizers differ by some percent, which is fine for budgets and compaction thresholds).
 */
public final class TokenCounter {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final int PER_MESSAGE_OVERHEAD = 4;

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    public long count(List<ChatMessage> messages) {
        long total = 0;
        for (ChatMessage message : messages) {
            total += PER_MESSAGE_OVERHEAD + count(message.text());
            if (message instanceof ChatMessage.Assistant assistant) {
                for (ToolCall call : assistant.toolCalls()) {
                    total += count(call.name()) + count(call.arguments());
                }
            }
        }
        return total;
    }
}
