package dev.prharness.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop's own bookkeeping: old tool results retired in steps, and the cost cap. */
class HarnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tool whose every answer is long: a page of the file it is asked for. */
    private static final Tool READ = new Tool() {
        @Override
        public ToolSpec spec() {
            try {
                return new ToolSpec("read", "reads", JSON.readTree("""
                        {"type": "object", "properties": {"page": {"type": "integer"}}, "required": ["page"]}"""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ToolOutcome execute(JsonNode arguments) {
            return ToolOutcome.ok(("page " + arguments.get("page").asInt() + " ").repeat(100));
        }

        @Override
        public boolean cacheable() {
            return true;
        }
    };

    /** A model that reads page N on turn N, for {@code turns} turns, then answers; it keeps every request. */
    private static final class Reader implements ModelClient {
        final List<ModelRequest> requests = new ArrayList<>();
        private final int turns;
        private final double costPerCall;

        Reader(int turns, double costPerCall) {
            this.turns = turns;
            this.costPerCall = costPerCall;
        }

        @Override
        public String modelFor(ModelRole role) {
            return "reader";
        }

        @Override
        public synchronized ModelReply complete(ModelRequest request) {
            requests.add(request);
            int turn = requests.size();
            List<ToolCall> calls = turn <= turns ? List.of(new ToolCall("c" + turn, "read", "{\"page\": " + turn + "}")) : List.of();
            return new ModelReply(turn <= turns ? "" : "done", calls, "reader", 100, 0, 10, 0, costPerCall, "stop");
        }
    }

    private static Harness harness(int keepTurns) {
        return new Harness(new HarnessLimits(20, 1_000_000, Duration.ofMinutes(1), 1_000_000, 20_000, 1_000_000, keepTurns),
                new ContextCompactor("compact", 2), Clock.systemUTC());
    }

    private static List<String> toolTexts(ModelRequest request) {
        return request.messages().stream().filter(m -> m instanceof ChatMessage.ToolResult).map(ChatMessage::text).toList();
    }

    @Test
    void oldToolResultsAreRetiredEveryFewTurnsAndTheConversationIsStableBetweenSteps() {
        Reader model = new Reader(8, 0);
        ToolRegistry tools = new ToolRegistry(List.of(READ), new ToolResultCache(1 << 20), "scope", 20_000, 1_000_000);

        Harness.RunResult result = harness(2).run(List.of(new ChatMessage.System("s"), new ChatMessage.User("u")), tools,
                new MeteredModel(model, "run", new RunUsage()));

        assertEquals(StopReason.FINAL_ANSWER, result.reason());
        // Turn 5 is a step (every 2 turns after the first 3): results of turns 1 and 2 become notes.
        List<String> fifth = toolTexts(model.requests.get(4));
        assertTrue(fifth.get(0).startsWith(StaleToolResults.NOTE_PREFIX) && fifth.get(0).contains("call read {\"page\": 1} again"),
                fifth.get(0));
        assertTrue(fifth.get(1).startsWith(StaleToolResults.NOTE_PREFIX));
        assertTrue(fifth.get(2).startsWith("page 3") && fifth.get(3).startsWith("page 4"), "the last two turns' stay");
        // Between steps, a request is the previous one plus the new turn: the same prefix, byte for byte.
        List<ChatMessage> before = model.requests.get(4).messages();
        assertEquals(before, model.requests.get(5).messages().subList(0, before.size()));
        // Turn 7 is the next step: turns 3 and 4 go too.
        List<String> seventh = toolTexts(model.requests.get(6));
        assertTrue(seventh.subList(0, 4).stream().allMatch(t -> t.startsWith(StaleToolResults.NOTE_PREFIX)), seventh.toString());
        assertTrue(seventh.get(4).startsWith("page 5"));
    }

    @Test
    void withoutRetirementEveryResultStays() {
        Reader model = new Reader(6, 0);
        ToolRegistry tools = new ToolRegistry(List.of(READ), new ToolResultCache(1 << 20), "scope", 20_000, 1_000_000);

        harness(0).run(List.of(new ChatMessage.User("u")), tools, new MeteredModel(model, "run", new RunUsage()));

        assertTrue(toolTexts(model.requests.getLast()).stream().allMatch(t -> t.startsWith("page")));
    }

    @Test
    void theRunStopsOnceTheWholeRunHasSpentItsCap() {
        Reader model = new Reader(10, 0.02);
        ToolRegistry tools = new ToolRegistry(List.of(READ), new ToolResultCache(1 << 20), "scope", 20_000, 1_000_000);
        RunUsage whole = new RunUsage();
        MeteredModel metered = new MeteredModel(model, "run", whole, 0.05);

        Harness.RunResult result = harness(0).run(List.of(new ChatMessage.User("u")), tools, metered.part("part1"));

        assertEquals(StopReason.COST_BUDGET, result.reason());
        assertEquals(3, model.requests.size(), "0.02 + 0.02 + 0.02 reaches 0.05 after the third call");
        assertEquals(0.06, whole.costUsd(), 1e-9, "a part's spending counts in the whole");
    }
}
