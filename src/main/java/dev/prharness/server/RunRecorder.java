package dev.prharness.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The events one attempt of a job emitted (model calls, tool calls, GitHub calls, the harness's stop, what was
 * posted), kept as its run record. Events carry names, numbers and outcomes, never file contents; tool arguments
 * come redacted. At most {@value #MAX_EVENTS} are kept, then they are counted.
 */
final class RunRecorder implements BiConsumer<String, Map<String, Object>> {

    static final int MAX_EVENTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long startedNanos = System.nanoTime();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private int dropped;
    /** Set once the record is written: a thread the job started and left running records nothing more here. */
    private boolean closed;

    @Override
    public synchronized void accept(String event, Map<String, Object> fields) {
        if (closed) {
            return;
        }
        if (events.size() >= MAX_EVENTS) {
            dropped++;
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", event);
        entry.put("at_ms", (System.nanoTime() - startedNanos) / 1_000_000);
        fields.forEach((key, value) -> {
            if (value != null) {
                entry.put(key, value);
            }
        });
        events.add(entry);
    }

    /** The record as JSON: the outcome, the duration, and the events in the order they happened. */
    synchronized String json(String outcome, long durationMillis) {
        closed = true;
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", outcome);
        root.put("duration_ms", durationMillis);
        ArrayNode list = root.putArray("events");
        events.forEach(e -> list.add(JSON.valueToTree(e)));
        if (dropped > 0) {
            root.put("events_not_kept", dropped);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
