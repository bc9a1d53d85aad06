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
    private volatile long latencyMillis;
    private volatile long reasoningTokens;
    private volatile boolean promptCache;
    /** Prompts answered so far, by model: a provider's prompt cache is per model. */
    private final Map<String, List<String>> seenPrompts = new java.util.concurrent.ConcurrentHashMap<>();
    private final dev.prharness.harness.TokenCounter tokens = new dev.prharness.harness.TokenCounter();

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

    /** Every answer waits this long first, as a real model's does (the server answers requests concurrently). */
    public FakeOpenAi latency(java.time.Duration latency) {
        latencyMillis = latency.toMillis();
        return this;
    }

    /**
     * Usage as OpenAI reports it: prompt tokens counted from the request (tools and messages, o200k), and of them
     * {@code prompt_tokens_details.cached_tokens} the longest prefix this server has already answered for the same
     * model, counted only from 1,024 tokens on and in steps of 128, as OpenAI's automatic prompt caching does. A
     * request still being answered caches nothing yet: requests sent at the same moment do not share a prefix.
     */
    public FakeOpenAi promptCaching() {
        promptCache = true;
        return this;
    }

    /**
     * Reasoning models (o-series) think for this many tokens before answering, and those count against
     * {@code max_completion_tokens}: a cap that leaves no room for the answer gets what OpenAI gives then, an empty
     * message with {@code finish_reason: length}.
     */
    public FakeOpenAi reasoning(long tokens) {
        reasoningTokens = tokens;
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
            reply = reply != null ? reply : fallback.apply(recorded);
            long computing = System.nanoTime();
            if (reasoningTokens > 0 && reply.status() == 200 && recorded.model().matches("o[1-9].*")) {
                reply = afterReasoning(recorded.body(), reply);
            }
            if (promptCache && reply.status() == 200) {
                reply = withCachedUsage(recorded.model(), recorded.body(), reply);
            }
            if (latencyMillis > 0) {
                try {
                    // The latency is the whole answer's: the time spent counting tokens here is part of it.
                    Thread.sleep(Math.max(0, latencyMillis - (System.nanoTime() - computing) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (promptCache && reply.status() == 200) {
                List<String> seen = seenPrompts.computeIfAbsent(recorded.model(), m -> new ArrayList<>());
                synchronized (seen) {
                    seen.add(prompt(recorded.body()));
                }
            }
            send(exchange, reply);
        }
    }

    /**
     * What real servers refuse with a 400: vLLM and Ollama parse the arguments of every replayed assistant tool
     * call; OpenAI's o-series models take no parallel_tool_calls, no temperature other than the default, and
     * max_completion_tokens instead of max_tokens; models that do not reason take no reasoning_effort.
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
        if (model.startsWith("gpt-4") && body.has("reasoning_effort")) {
            return Optional.of(error(400, "Unrecognized request argument supplied: reasoning_effort"));
        }
        if (model.matches("o[1-9].*")) {
            for (String field : List.of("parallel_tool_calls", "temperature", "max_tokens")) {
                if (body.has(field)) {
                    return Optional.of(error(400, "Unsupported parameter: '" + field + "' is not supported with this model."));
                }
            }
        }
        return Optional.empty();
    }

    private Reply afterReasoning(JsonNode body, Reply reply) throws IOException {
        ObjectNode answer = (ObjectNode) JSON.readTree(reply.body());
        ObjectNode usage = (ObjectNode) answer.path("usage");
        long cap = body.path("max_completion_tokens").asLong(Long.MAX_VALUE);
        long completion = usage.path("completion_tokens").asLong() + reasoningTokens;
        if (completion > cap) {
            ObjectNode choice = (ObjectNode) answer.path("choices").get(0);
            ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", "");
            choice.set("message", message);
            choice.put("finish_reason", "length");
            completion = cap;
        }
        usage.put("completion_tokens", completion).put("total_tokens", usage.path("prompt_tokens").asLong() + completion);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", Math.min(reasoningTokens, completion));
        return new Reply(reply.status(), reply.headers(), answer.toString());
    }

    /** The prompt as the provider sees it, in order: the tools, then every message with its tool calls. */
    private static String prompt(JsonNode body) {
        StringBuilder out = new StringBuilder(body.path("tools").toString());
        for (JsonNode message : body.path("messages")) {
            out.append('\n').append(message.path("role").asText()).append(':').append(message.path("content").asText())
                    .append(message.path("tool_calls").toString()).append(message.path("tool_call_id").asText());
        }
        return out.toString();
    }

    private Reply withCachedUsage(String model, JsonNode body, Reply reply) throws IOException {
        String prompt = prompt(body);
        int longest = 0;
        List<String> answered = seenPrompts.computeIfAbsent(model, m -> new ArrayList<>());
        synchronized (answered) {
            for (String seen : answered) {
                int common = 0;
                int max = Math.min(seen.length(), prompt.length());
                while (common < max && seen.charAt(common) == prompt.charAt(common)) {
                    common++;
                }
                longest = Math.max(longest, common);
            }
        }
        long promptTokens = tokens.count(prompt);
        long prefixTokens = tokens.count(prompt.substring(0, longest));
        long cached = prefixTokens < 1024 ? 0 : 1024 + (prefixTokens - 1024) / 128 * 128;
        ObjectNode answer = (ObjectNode) JSON.readTree(reply.body());
        ObjectNode usage = (ObjectNode) answer.path("usage");
        long completion = usage.path("completion_tokens").asLong();
        usage.put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", Math.min(cached, promptTokens));
        return new Reply(reply.status(), reply.headers(), answer.toString());
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
