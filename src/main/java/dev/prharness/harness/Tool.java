package dev.prharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool the model may call: its spec, and what it does with arguments that match the spec's schema. */
public interface Tool {

    ToolSpec spec();

    /**
     * Runs the tool. Arguments have been checked against the schema. Throwing {@link ToolException} (or
     * anything else) becomes an error message to the model, never a crash.
     */
    ToolOutcome execute(JsonNode arguments);

    /** Whether the same arguments on the same commit always give the same answer, so it may be cached. */
    default boolean cacheable() {
        return false;
    }
}
