package dev.prharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.store.JobStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/** One attempt's run record as {@code jobs show} prints it: totals first, then the timeline, one event a line. */
record RunSummary(JobStore.RunRecord record, JsonNode root) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LISTED_EVENTS = 60;

    static RunSummary of(JobStore.RunRecord record) {
        try {
            return new RunSummary(record, JSON.readTree(record.eventsJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("the run record of attempt " + record.attempt() + " is not JSON", e);
        }
    }

    void print(PrintStream out) {
        int modelCalls = 0;
        int toolCalls = 0;
        int cached = 0;
        int githubCalls = 0;
        long promptTokens = 0;
        long cachedTokens = 0;
        long completionTokens = 0;
        double cost = 0;
        String stop = "-";
        String posted = "nothing";
        for (JsonNode e : root.path("events")) {
            switch (e.path("event").asText()) {
                case "model_call" -> {
                    modelCalls++;
                    promptTokens += e.path("prompt_tokens").asLong();
                    cachedTokens += e.path("cached_tokens").asLong();
                    completionTokens += e.path("completion_tokens").asLong();
                    cost += e.path("cost_usd").asDouble();
                }
                case "tool_call" -> {
                    toolCalls++;
                    cached += e.path("cache_hit").asBoolean() ? 1 : 0;
                }
                case "github_call" -> githubCalls++;
                case "harness_stop" -> stop = e.path("reason").asText();
                case "posted" -> posted = e.has("command") ? "/" + e.path("command").asText() + ": " + e.path("result").asText()
                        : (e.path("review").asBoolean() ? "a review with " + e.path("inline_comments").asInt() + " inline comments"
                                : "no review") + (e.path("summary").asBoolean() ? " and the summary" : "");
                default -> { }
            }
        }
        out.printf(Locale.ROOT, "attempt %d at %s: %s in %d ms%n", record.attempt(),
                Instant.ofEpochMilli(record.recordedMillis()).toString().replaceFirst("\\.\\d+Z$", "Z"),
                root.path("outcome").asText(), root.path("duration_ms").asLong());
        out.printf(Locale.ROOT, "  model: %d calls, %d+%d tokens (%d cached), ~$%.4f; stopped: %s%n", modelCalls,
                promptTokens, completionTokens, cachedTokens, cost, stop);
        out.printf(Locale.ROOT, "  tools: %d calls (%d cached); GitHub: %d calls; posted: %s%n", toolCalls, cached,
                githubCalls, posted);
        int listed = 0;
        for (JsonNode e : root.path("events")) {
            if (listed++ == LISTED_EVENTS) {
                out.println("  … " + (root.path("events").size() - LISTED_EVENTS) + " more events");
                break;
            }
            out.println("  " + line(e));
        }
        if (root.has("events_not_kept")) {
            out.println("  (" + root.path("events_not_kept").asInt() + " more events were not kept)");
        }
    }

    private static String line(JsonNode e) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7d ms  %-12s", e.path("at_ms").asLong(),
                e.path("event").asText()));
        e.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("event") && !field.getKey().equals("at_ms")) {
                line.append(' ').append(field.getKey()).append('=').append(field.getValue().isTextual()
                        ? field.getValue().asText() : field.getValue().toString());
            }
        });
        return line.toString();
    }
}
