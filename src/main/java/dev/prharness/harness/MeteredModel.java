package dev.prharness.harness;

import dev.prharness.events.EventLog;

/**
 * A model client for one run that counts every call into the run's usage and logs it as one structured
 * event (run, turn, role, model, purpose, duration, tokens, cached and reasoning tokens, cost, outcome). It also
 * holds what the whole run may spend ({@code costCapUsd}; infinite when there is no cap).
 */
public final class MeteredModel {

    private final ModelClient client;
    private final String runId;
    private final RunUsage usage;
    private final double costCapUsd;

    public MeteredModel(ModelClient client, String runId, RunUsage usage) {
        this(client, runId, usage, Double.POSITIVE_INFINITY);
    }

    public MeteredModel(ModelClient client, String runId, RunUsage usage, double costCapUsd) {
        this.client = client;
        this.runId = runId;
        this.usage = usage;
        this.costCapUsd = costCapUsd;
    }

    /** The same model for one part of the run: its own usage (also counted in the whole), the same cap. */
    public MeteredModel part(String name) {
        return new MeteredModel(client, runId + "/" + name, usage.part(), costCapUsd);
    }

    public ModelReply call(String purpose, int turn, ModelRequest request) {
        long started = System.nanoTime();
        try {
            ModelReply reply = client.complete(request);
            usage.addModelCall(reply);
            EventLog.emit("model_call", "run", runId, "turn", turn, "role", request.role().label(),
                    "model", reply.model(), "purpose", purpose, "duration_ms", millisSince(started),
                    "prompt_tokens", reply.promptTokens(), "cached_tokens", reply.cachedTokens(),
                    "completion_tokens", reply.completionTokens(), "reasoning_tokens", reply.reasoningTokens(),
                    "cost_usd", reply.costUsd(), "tool_calls", reply.toolCalls().size(),
                    "finish_reason", reply.finishReason(), "outcome", "ok");
            return reply;
        } catch (ModelCallException e) {
            EventLog.emit("model_call", "run", runId, "turn", turn, "role", request.role().label(),
                    "model", client.modelFor(request.role()), "purpose", purpose, "duration_ms", millisSince(started),
                    "outcome", "error", "error", e.getMessage());
            throw e;
        }
    }

    /** Whether the whole run has spent what it may. */
    public boolean overBudget() {
        return usage.whole().costUsd() >= costCapUsd;
    }

    public String runId() {
        return runId;
    }

    public RunUsage usage() {
        return usage;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
