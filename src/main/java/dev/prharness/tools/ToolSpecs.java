package dev.prharness.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.harness.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The tools' names, descriptions and schemas, read once from {@code prompts/tools.json}. */
final class ToolSpecs {

    private static final JsonNode SPECS = load();

    private ToolSpecs() {}

    static ToolSpec named(String name) {
        JsonNode spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalStateException("prompts/tools.json has no tool named " + name);
        }
        return new ToolSpec(name, spec.get("description").asText(), spec.get("parameters"));
    }

    private static JsonNode load() {
        try (InputStream in = ToolSpecs.class.getResourceAsStream("/prompts/tools.json")) {
            if (in == null) {
                throw new IllegalStateException("prompts/tools.json is missing from the jar; rebuild it");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts/tools.json", e);
        }
    }
}
