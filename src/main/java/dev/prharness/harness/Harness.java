package dev.prharness.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.events.EventLog;
import dev.prharness.safety.SecretRedactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loop: call the model with the conversation and the tools, run the tool calls it makes (in order),
 * answer each with a tool message, and repeat until the model submits, answers without a tool call, or a
 * limit (turns, tokens, wall clock) stops it. Long conversations are compacted on the way. Knows nothing
 * of GitHub, git or reviews: only messages, tools and limits.
 */
public final class Harness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecretRedactor REDACTOR = new SecretRedactor();

    private final HarnessLimits limits;
    private final ContextCompactor compactor;
    private final TokenCounter tokens = new TokenCounter();
    private final Clock clock;

    public Harness(HarnessLimits limits, ContextCompactor compactor, Clock clock) {
        this.limits = limits;
        this.compactor = compactor;
        this.clock = clock;
    }

    /** The limits a run gets unless it is given others. */
    public HarnessLimits limits() {
        return limits;
    }

    /** Runs the loop to a final answer, a submitted review or a limit; the stop is an event of its own. */
    public RunResult run(List<ChatMessage> start, ToolRegistry tools, MeteredModel model) {
        return run(start, tools, model, limits);
    }

    /** The same with other limits for this run (one part of a review gets a share of the whole's). */
    public RunResult run(List<ChatMessage> start, ToolRegistry tools, MeteredModel model, HarnessLimits runLimits) {
        RunResult result = loop(start, tools, model, runLimits);
        EventLog.emit("harness_stop", "run", model.runId(), "reason", result.reason().name().toLowerCase(Locale.ROOT),
                "turns", result.turns(), "compactions", result.compactions());
        return result;
    }

    private RunResult loop(List<ChatMessage> start, ToolRegistry tools, MeteredModel model, HarnessLimits runLimits) {
        Instant deadline = clock.instant().plus(runLimits.deadline());
        List<ChatMessage> messages = new ArrayList<>(start);
        ConversationSize size = new ConversationSize(tokens, tools.specs().stream()
                .mapToLong(t -> t.name().length() + t.description().length() + t.parameters().toString().length()).sum());
        StaleToolResults stale = new StaleToolResults(runLimits.keepToolResultsTurns());
        int compactions = 0;
        for (int turn = 1; turn <= runLimits.maxTurns(); turn++) {
            if (clock.instant().isAfter(deadline)) {
                return new RunResult(StopReason.DEADLINE, "", turn - 1, messages, compactions);
            }
            if (model.usage().totalTokens() >= runLimits.maxTokensPerRun()) {
                return new RunResult(StopReason.TOKEN_BUDGET, "", turn - 1, messages, compactions);
            }
            if (model.overBudget()) {
                return new RunResult(StopReason.COST_BUDGET, "", turn - 1, messages, compactions);
            }
            messages = new ArrayList<>(stale.retire(messages, turn));
            if (size.of(messages) > runLimits.compactAtTokens()) {
                ContextCompactor.Compaction compaction = compact(messages, model, turn);
                if (compaction.happened()) {
                    messages = new ArrayList<>(compaction.messages());
                    compactions++;
                }
            }
            ModelReply reply = model.call("review", turn, new ModelRequest(ModelRole.STRONG, messages, tools.specs()));
            size.reported(messages, reply.promptTokens());
            messages.add(new ChatMessage.Assistant(reply.text(), replayable(reply.toolCalls())));
            if (reply.toolCalls().isEmpty()) {
                return new RunResult(StopReason.FINAL_ANSWER, reply.text(), turn, messages, compactions);
            }
            boolean submitted = false;
            for (ToolCall call : reply.toolCalls()) {
                long started = System.nanoTime();
                ToolRegistry.Execution execution = tools.execute(call);
                model.usage().addToolCall(execution.cacheHit());
                messages.add(new ChatMessage.ToolResult(call.id(), execution.outcome().text()));
                submitted |= execution.outcome().endsRun();
                EventLog.emit("tool_call", "run", model.runId(), "turn", turn, "tool", call.name(),
                        "arguments", argumentsForTheRecord(call.arguments()),
                        "duration_ms", (System.nanoTime() - started) / 1_000_000,
                        "cache_hit", execution.cacheHit(), "result_chars", execution.outcome().text().length(),
                        "outcome", execution.outcome().error() ? "error" : execution.outcome().endsRun() ? "end" : "ok");
            }
            if (submitted) {
                return new RunResult(StopReason.SUBMITTED, reply.text(), turn, messages, compactions);
            }
        }
        return new RunResult(StopReason.MAX_TURNS, "", runLimits.maxTurns(), messages, compactions);
    }

    /** A tool call's arguments as the run record keeps them: secrets redacted, at most 300 characters. */
    private static String argumentsForTheRecord(String arguments) {
        String redacted = REDACTOR.redact(arguments == null ? "" : arguments);
        return redacted.length() <= 300 ? redacted : redacted.substring(0, 299) + "…";
    }

    /**
     * The tool calls as they are sent back on later turns. Servers such as vLLM and Ollama parse the arguments of
     * every call in the conversation and refuse the whole request for one that is not a JSON object, so such a
     * call is replayed with {@code {}}; its tool result already tells the model what was wrong.
     */
    private static List<ToolCall> replayable(List<ToolCall> calls) {
        return calls.stream().map(c -> isJsonObject(c.arguments()) ? c : new ToolCall(c.id(), c.name(), "{}")).toList();
    }

    private static boolean isJsonObject(String text) {
        try {
            return text != null && !text.isBlank() && JSON.readTree(text).isObject();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** A failed compaction is not fatal: the run goes on with the long conversation. */
    private ContextCompactor.Compaction compact(List<ChatMessage> messages, MeteredModel model, int turn) {
        try {
            return compactor.compact(messages, request -> model.call("compaction", turn, request));
        } catch (ModelCallException e) {
            return new ContextCompactor.Compaction(messages, null);
        }
    }

    /** How a run ended, the model's last prose, turns used, the whole conversation, and compactions made. */
    public record RunResult(StopReason reason, String finalText, int turns, List<ChatMessage> transcript, int compactions) {
        public RunResult {
            transcript = List.copyOf(transcript);
        }
    }
}
