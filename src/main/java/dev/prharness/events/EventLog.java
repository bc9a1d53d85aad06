package dev.prharness.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Structured events: one JSON object per line on the {@code pr-harness.events} logger, for every model call,
 * tool call and GitHub call. Callers pass no secrets; values are numbers, names and outcomes.
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger("pr-harness.events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<BiConsumer<String, Map<String, Object>>> LISTENERS = new CopyOnWriteArrayList<>();
    /** The recorder of the run this thread works for (threads it starts inherit it): a job's run record. */
    private static final InheritableThreadLocal<BiConsumer<String, Map<String, Object>>> RECORDER = new InheritableThreadLocal<>();

    /** Also hands every event to {@code listener} (metrics), whatever the log level. */
    public static void subscribe(BiConsumer<String, Map<String, Object>> listener) {
        LISTENERS.add(listener);
    }

    public static void unsubscribe(BiConsumer<String, Map<String, Object>> listener) {
        LISTENERS.remove(listener);
    }

    private EventLog() {}

    /**
     * Hands every event emitted on this thread, and on threads it starts, to {@code recorder} until the returned
     * handle is closed: one job's run record.
     */
    public static Recording record(BiConsumer<String, Map<String, Object>> recorder) {
        RECORDER.set(recorder);
        return RECORDER::remove;
    }

    /** Ends a {@link #record} on the thread that began it. */
    @FunctionalInterface
    public interface Recording extends AutoCloseable {
        @Override
        void close();
    }

    /** Logs {@code event} with fields given as name, value, name, value, …; null values are left out. */
    public static void emit(String event, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        emit(event, fields);
    }

    /**
     * Logs {@code event} with the given fields (in order) and the thread's logging context (such as the
     * webhook delivery a job came from); null values are left out.
     */
    public static void emit(String event, Map<String, ?> fields) {
        BiConsumer<String, Map<String, Object>> recorder = RECORDER.get();
        if (!LISTENERS.isEmpty() || recorder != null) {
            Map<String, Object> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            LISTENERS.forEach(listener -> listener.accept(event, copy));
            if (recorder != null) {
                recorder.accept(event, copy);
            }
        }
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("ts", Instant.now().toString());
        line.put("event", event);
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context != null) {
            context.forEach(line::put);
        }
        fields.forEach((key, value) -> {
            if (value != null) {
                line.set(key, JSON.valueToTree(value));
            }
        });
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write event {}: {}", event, e.getMessage());
        }
    }
}
