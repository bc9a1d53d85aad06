package dev.prharness.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tool that echoes its arguments and counts its runs. */
    private static class Echo implements Tool {
        final AtomicInteger runs = new AtomicInteger();
        private final boolean cacheable;

        Echo(boolean cacheable) {
            this.cacheable = cacheable;
        }

        @Override
        public ToolSpec spec() {
            try {
                return new ToolSpec("echo", "echoes", JSON.readTree("""
                        {"type": "object", "properties": {
                           "text": {"type": "string"},
                           "count": {"type": "integer", "minimum": 1, "maximum": 5},
                           "mode": {"type": "string", "enum": ["a", "b"]},
                           "tags": {"type": "array", "items": {"type": "string"}}},
                         "required": ["text"], "additionalProperties": false}"""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ToolOutcome execute(JsonNode arguments) {
            runs.incrementAndGet();
            if (arguments.get("text").asText().equals("explode")) {
                throw new IllegalStateException("kaboom");
            }
            return ToolOutcome.ok("echo " + arguments.get("text").asText());
        }

        @Override
        public boolean cacheable() {
            return cacheable;
        }
    }

    private static ToolRegistry registry(Tool tool, int perResult, long perRun) {
        return new ToolRegistry(List.of(tool), new ToolResultCache(1 << 20), "abc123", perResult, perRun);
    }

    @Test
    void argumentsThatBreakTheSchemaAreRefusedWithEveryReason() {
        ToolRegistry registry = registry(new Echo(false), 1000, 10_000);
        ToolOutcome outcome = registry.execute(new ToolCall("1", "echo",
                "{\"count\": 9, \"mode\": \"c\", \"tags\": [1], \"extra\": true}")).outcome();
        assertTrue(outcome.error());
        for (String expected : List.of("missing the required field 'text'", "count must be at most 5",
                "mode must be one of", "tags[0] must be a string", "unknown field 'extra'")) {
            assertTrue(outcome.text().contains(expected), expected + " in " + outcome.text());
        }
    }

    @Test
    void aToolThatThrowsBecomesAnErrorMessage() {
        ToolOutcome outcome = registry(new Echo(false), 1000, 10_000)
                .execute(new ToolCall("1", "echo", "{\"text\": \"explode\"}")).outcome();
        assertTrue(outcome.error());
        assertTrue(outcome.text().contains("echo failed: kaboom"), outcome.text());
    }

    @Test
    void cacheableResultsAreComputedOncePerCommitWhateverTheKeyOrder() {
        Echo echo = new Echo(true);
        ToolResultCache cache = new ToolResultCache(1 << 20);
        ToolRegistry first = new ToolRegistry(List.of(echo), cache, "abc123", 1000, 10_000);
        assertFalse(first.execute(new ToolCall("1", "echo", "{\"text\": \"x\", \"count\": 2}")).cacheHit());
        assertTrue(first.execute(new ToolCall("2", "echo", "{\"count\": 2, \"text\": \"x\"}")).cacheHit());
        ToolRegistry otherRun = new ToolRegistry(List.of(echo), cache, "abc123", 1000, 10_000);
        assertTrue(otherRun.execute(new ToolCall("3", "echo", "{\"text\":\"x\",\"count\":2}")).cacheHit(),
                "shared across runs of the same commit");
        ToolRegistry otherCommit = new ToolRegistry(List.of(echo), cache, "def456", 1000, 10_000);
        assertFalse(otherCommit.execute(new ToolCall("4", "echo", "{\"text\": \"x\", \"count\": 2}")).cacheHit());
        assertEquals(2, echo.runs.get());
    }

    @Test
    void outputIsBoundedPerResultAndPerRun() {
        Tool big = new Echo(false) {
            @Override
            public ToolOutcome execute(JsonNode arguments) {
                return ToolOutcome.ok("x".repeat(500));
            }
        };
        ToolRegistry registry = registry(big, 100, 250);
        String first = registry.execute(new ToolCall("1", "echo", "{\"text\": \"a\"}")).outcome().text();
        assertTrue(first.startsWith("x".repeat(100) + "\n[truncated: 400 more characters"), first);
        registry.execute(new ToolCall("2", "echo", "{\"text\": \"a\"}"));
        registry.execute(new ToolCall("3", "echo", "{\"text\": \"a\"}"));
        String late = registry.execute(new ToolCall("4", "echo", "{\"text\": \"a\"}")).outcome().text();
        assertTrue(late.contains("allowance for this review used up"), late);
    }

    @Test
    void secretsInToolOutputAreRedacted() {
        Tool leaky = new Echo(false) {
            @Override
            public ToolOutcome execute(JsonNode arguments) {
                return ToolOutcome.ok("key AKIA" + "IOSFODNN7EXAMPLE");
            }
        };
        String text = registry(leaky, 1000, 10_000).execute(new ToolCall("1", "echo", "{\"text\": \"a\"}")).outcome().text();
        assertEquals("key [REDACTED:aws-access-key]", text);
    }
}
