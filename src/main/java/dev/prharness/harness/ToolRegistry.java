package dev.prharness.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.prharness.safety.SecretRedactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed set of tools one run offers, and the one way they are called: arguments parsed and checked
 * against the tool's schema, cacheable results served from the cache, failures turned into error messages
 * for the model, and every result bounded in size and stripped of secrets before it reaches the model.
 */
public final class ToolRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final ToolResultCache cache;
    private final String cacheScope;
    private final OutputBounds bounds;
    private final ArgumentValidator validator = new ArgumentValidator();
    private final SecretRedactor redactor = new SecretRedactor();

    /**
     * Tools for one run; {@code cacheScope} is everything their results depend on besides their arguments (the
     * change's commits, the rules, the files in review). Results are bounded per result and per run.
     */
    public ToolRegistry(List<Tool> tools, ToolResultCache cache, String cacheScope, int maxCharsPerResult, long maxCharsPerRun) {
        for (Tool tool : tools) {
            this.tools.put(tool.spec().name(), tool);
        }
        this.cache = cache;
        this.cacheScope = cacheScope;
        this.bounds = new OutputBounds(maxCharsPerResult, maxCharsPerRun);
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** Runs one call; never throws for anything the model did. */
    public Execution execute(ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return new Execution(ToolOutcome.error("unknown tool '" + call.name() + "'; the tools are: "
                    + String.join(", ", tools.keySet())), false);
        }
        JsonNode arguments;
        try {
            String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
            arguments = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return new Execution(ToolOutcome.error("the arguments of " + call.name() + " are not valid JSON ("
                    + e.getOriginalMessage() + "); send a JSON object matching the tool's schema"), false);
        }
        List<String> problems = validator.validate(tool.spec().parameters(), arguments);
        if (!problems.isEmpty()) {
            return new Execution(ToolOutcome.error("invalid arguments for " + call.name() + ": "
                    + String.join("; ", problems)), false);
        }
        String canonical = canonical(arguments);
        if (tool.cacheable()) {
            Optional<ToolOutcome> cached = cache.get(call.name(), canonical, cacheScope);
            if (cached.isPresent()) {
                return new Execution(withinRun(cached.get()), true);
            }
        }
        ToolOutcome outcome;
        try {
            outcome = tool.execute(arguments);
        } catch (ToolException e) {
            outcome = ToolOutcome.error(e.getMessage());
        } catch (RuntimeException e) {
            outcome = ToolOutcome.error(call.name() + " failed: " + e.getMessage() + "; try other arguments or another tool");
        }
        // What is kept and served is what the model sees: redacted and cut to one result's size.
        ToolOutcome seen = new ToolOutcome(bounds.perResult(redactor.redact(outcome.text())), outcome.error(), outcome.endsRun());
        if (tool.cacheable() && !outcome.error()) {
            cache.put(call.name(), canonical, cacheScope, seen);
        }
        return new Execution(withinRun(seen), false);
    }

    private ToolOutcome withinRun(ToolOutcome outcome) {
        return new ToolOutcome(bounds.bound(outcome.text()), outcome.error(), outcome.endsRun());
    }

    private static String canonical(JsonNode arguments) {
        try {
            return JSON.writeValueAsString(JSON.convertValue(arguments, Object.class));
        } catch (JsonProcessingException e) {
            return arguments.toString();
        }
    }

    /** A tool call's outcome (already bounded and redacted) and whether it came from the cache. */
    public record Execution(ToolOutcome outcome, boolean cacheHit) {}
}
