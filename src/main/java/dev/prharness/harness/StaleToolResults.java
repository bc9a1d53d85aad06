package dev.prharness.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps old tool results from being resent on every turn: a result more than {@code keepTurns} turns old is replaced
 * by a one-line note that names the call, so the model can make it again (the tool cache answers it at once).
 * Results are retired in steps, every {@code keepTurns} turns, so that between two steps the conversation's beginning
 * stays byte-identical from turn to turn, which is what a provider's prompt cache needs. Short results stay: they
 * cost less to keep than to fetch again.
 */
final class StaleToolResults {

    static final String NOTE_PREFIX = "[earlier tool result removed to keep the conversation short; ";
    private static final int MIN_CHARS = 400;
    private static final int MAX_ARGUMENT_CHARS = 200;

    private final int keepTurns;

    StaleToolResults(int keepTurns) {
        this.keepTurns = keepTurns;
    }

    /** Whether a result is already such a note. */
    static boolean isNote(String text) {
        return text.startsWith(NOTE_PREFIX);
    }

    /** The conversation before turn {@code turn} (1-based), with results retired when this turn is a step. */
    List<ChatMessage> retire(List<ChatMessage> messages, int turn) {
        if (keepTurns <= 0 || turn <= keepTurns + 1 || (turn - 1) % keepTurns != 0) {
            return messages;
        }
        int lastStaleTurn = turn - 1 - keepTurns;
        Map<String, ToolCall> calls = new HashMap<>();
        List<ChatMessage> out = new ArrayList<>(messages.size());
        int resultTurn = 0;
        boolean changed = false;
        for (ChatMessage message : messages) {
            if (message instanceof ChatMessage.Assistant assistant) {
                resultTurn++;
                assistant.toolCalls().forEach(c -> calls.put(c.id(), c));
            }
            if (message instanceof ChatMessage.ToolResult result && resultTurn <= lastStaleTurn
                    && result.text().length() >= MIN_CHARS && !isNote(result.text())
                    && !result.text().startsWith(ContextCompactor.SUMMARY_HEADER)) {
                out.add(new ChatMessage.ToolResult(result.toolCallId(), note(calls.get(result.toolCallId()))));
                changed = true;
            } else {
                out.add(message);
            }
        }
        return changed ? out : messages;
    }

    private static String note(ToolCall call) {
        if (call == null) {
            return NOTE_PREFIX + "make the call again to see it]";
        }
        String arguments = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments().strip();
        if (arguments.length() > MAX_ARGUMENT_CHARS) {
            arguments = arguments.substring(0, MAX_ARGUMENT_CHARS) + "…";
        }
        return NOTE_PREFIX + "call " + call.name() + " " + arguments + " again to see it]";
    }
}
