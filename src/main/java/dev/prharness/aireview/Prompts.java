package dev.prharness.aireview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.harness.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Prompts are resources under {@code prompts/}: read, diffed and tuned apart from the code. */
public final class Prompts {

    private Prompts() {}

    public static String text(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("prompt prompts/" + name + " is missing from the jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompts/" + name, e);
        }
    }

    /** A template with {@code {{name}}} placeholders filled in (values are inserted as they are). */
    public static String fill(String name, Map<String, String> values) {
        String text = text(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }

    static ToolSpec tool(String file, String name) {
        try {
            JsonNode spec = new ObjectMapper().readTree(text(file)).get(name);
            return new ToolSpec(name, spec.get("description").asText(), spec.get("parameters"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tool " + name + " from prompts/" + file, e);
        }
    }
}
