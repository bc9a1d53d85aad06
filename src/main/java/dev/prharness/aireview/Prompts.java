package dev.prharness.aireview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.harness.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prompts are resources under {@code prompts/}: read, diffed and tuned apart from the code. */
public final class Prompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)\\}\\}");

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

    /**
     * A template with {@code {{name}}} placeholders filled in, in one pass over the template: a value (which
     * may hold a pull request's text) is never searched for placeholders itself.
     */
    public static String fill(String name, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(text(name));
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " has a placeholder {{" + placeholder.group(1)
                        + "}} that nothing fills");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
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
