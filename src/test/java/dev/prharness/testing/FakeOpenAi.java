package dev.prharness.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 for tests. Replies are scripted: a queue per
 * model name, or a function of the request. Every request is recorded with its time of arrival.
 */
public final class FakeOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted HTTP answer. */
    public record Reply(int status, Map<String, String> headers, String body) {}

    /** A request as it arrived. */
    public record Recorded(JsonNode body, String authorization, long arrivedNanos) {
        public String model() {
            return body.path("model").asText();
        }

        public boolean offersTool(String name) {
            for (JsonNode tool : body.path("tools")) {
                if (tool.path("function").path("name").asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** Every message's content, joined: what the model was shown. */
        public String allText() {
            StringBuilder out = new StringBuilder();
            body.path("messages").forEach(m -> out.append(m.path("content").asText()).append('\n'));
            return out.toString();
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Recorded> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Recorded, Reply> fallback = r -> error(500, "no scripted reply for model " + r.model());

    public FakeOpenAi() {
        server = LoopbackServer.start(this::handle);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies for {@code model}, answered in order. */
    public FakeOpenAi script(String model, Reply... replies) {
        scripts.computeIfAbsent(model, m -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** What to answer when no scripted reply is left for the request's model. */
    public FakeOpenAi otherwise(Function<Recorded, Reply> reply) {
        fallback = reply;
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Recorded> requestsFor(String model) {
        return requests().stream().filter(r -> r.model().equals(model)).toList();
    }

    // ---- reply builders ----

    /** A reply with tool calls; each call is {name, argumentsJson}. */
    public Reply toolCalls(String model, String[]... calls) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (String[] call : calls) {
            ObjectNode node = toolCalls.addObject();
            node.put("id", "call_" + ids.incrementAndGet());
            node.put("type", "function");
            node.putObject("function").put("name", call[0]).put("arguments", call[1]);
        }
        return completion(model, message, "tool_calls", 1000, 100);
    }

    public Reply text(String model, String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return completion(model, message, "stop", 500, 50);
    }

    public static String[] call(String name, String argumentsJson) {
        return new String[] {name, argumentsJson};
    }

    public static Reply error(int status, String message) {
        return error(status, message, Map.of());
    }

    public static Reply error(int status, String message, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "server_error");
        return new Reply(status, headers, body.toString());
    }

    private Reply completion(String model, ObjectNode message, String finishReason, long prompt, long completion) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + ids.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000L);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        choice.putNull("logprobs");
        body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return new Reply(200, Map.of(), body.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                send(exchange, error(404, "unknown path " + exchange.getRequestURI().getPath()));
                return;
            }
            Recorded recorded = new Recorded(JSON.readTree(raw), exchange.getRequestHeaders().getFirst("Authorization"),
                    System.nanoTime());
            requests.add(recorded);
            Optional<Reply> refused = refusal(recorded.body());
            if (refused.isPresent()) {
                send(exchange, refused.get());
                return;
            }
            Deque<Reply> queue = scripts.get(recorded.model());
            Reply reply = queue == null ? null : queue.pollFirst();
            send(exchange, reply != null ? reply : fallback.apply(recorded));
        }
    }

    /**
     * What real servers refuse with a 400: vLLM and Ollama parse the arguments of every replayed assistant tool
     * call; OpenAI's o-series models take no parallel_tool_calls, no temperature other than the default, and
     * max_completion_tokens instead of max_tokens.
     */
    private static Optional<Reply> refusal(JsonNode body) {
        for (JsonNode message : body.path("messages")) {
            for (JsonNode call : message.path("tool_calls")) {
                String arguments = call.path("function").path("arguments").asText("");
                try {
                    if (!JSON.readTree(arguments).isObject()) {
                        throw new IOException("not an object");
                    }
                } catch (IOException e) {
                    return Optional.of(error(400, "Invalid JSON in the arguments of tool call " + call.path("id").asText()
                            + " in the conversation"));
                }
            }
        }
        String model = body.path("model").asText("");
        if (model.matches("o[1-9].*")) {
            for (String field : List.of("parallel_tool_calls", "temperature", "max_tokens")) {
                if (body.has(field)) {
                    return Optional.of(error(400, "Unsupported parameter: '" + field + "' is not supported with this model."));
                }
            }
        }
        return Optional.empty();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
