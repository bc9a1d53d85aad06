package dev.prharness.aireview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.harness.ChatMessage;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.ModelReply;
import dev.prharness.harness.ModelRequest;
import dev.prharness.harness.ModelRole;
import dev.prharness.harness.ToolCall;
import dev.prharness.harness.ToolSpec;
import java.util.List;

/**
 * One tiny request with one tool, to see whether a model endpoint does what the review needs: answers at all,
 * calls a tool when asked, and sends arguments that are JSON. Says what works and what to change.
 */
public final class ToolCallingProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the probe found: whether it works, and a line saying so (or what to fix). */
    public record Result(boolean works, String report) {}

    public Result probe(ModelClient client, ModelRole role) {
        String model = client.modelFor(role);
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("answer").put("type", "string");
        schema.putArray("required").add("answer");
        ModelRequest request = new ModelRequest(role, List.of(
                new ChatMessage.System("You are a connectivity check. Call the ping tool once, with answer \"ok\"."),
                new ChatMessage.User("Call ping now.")), List.of(new ToolSpec("ping", "Answers the check.", schema)));
        ModelReply reply;
        try {
            reply = client.complete(request);
        } catch (ModelCallException e) {
            return new Result(false, model + ": the request failed: " + e.getMessage());
        }
        if (reply.toolCalls().isEmpty()) {
            return new Result(false, model + ": answers, but did not call the tool. Tool calling may be off on this "
                    + "endpoint (vLLM needs --enable-auto-tool-choice and a --tool-call-parser for the model; Ollama needs "
                    + "a model with tool support).");
        }
        ToolCall call = reply.toolCalls().get(0);
        try {
            if (!call.name().equals("ping") || !JSON.readTree(call.arguments()).isObject()) {
                throw new IllegalArgumentException("not the ping tool with an object");
            }
        } catch (Exception e) {
            return new Result(false, model + ": called a tool, but not as asked (" + call.name() + " with arguments "
                    + call.arguments() + "); check the endpoint's tool-call parser for this model.");
        }
        return new Result(true, model + ": tool calls work (" + reply.promptTokens() + "+" + reply.completionTokens()
                + " tokens).");
    }
}
