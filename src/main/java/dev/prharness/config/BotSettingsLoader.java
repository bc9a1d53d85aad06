package dev.prharness.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bot settings: the built-in {@code config/pr-harness.yml}, then the file {@code PR_HARNESS_CONFIG}
 * names (if any) on top of it, key by key. Unknown keys and wrong types fail with the file and the key.
 */
public final class BotSettingsLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The built-in settings, overridden by {@code overrides} when given. */
    public BotSettings load(Optional<Path> overrides) {
        JsonNode merged = builtIn();
        String origin = "built-in config/pr-harness.yml";
        if (overrides.isPresent()) {
            Path file = overrides.get();
            origin = file.toString();
            try {
                JsonNode user = YAML.readTree(Files.readString(file));
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new ConfigException(file + ": expected a YAML mapping of settings at the top level");
                    }
                    merge((ObjectNode) merged, user);
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read PR_HARNESS_CONFIG " + file + ": " + e.getMessage()
                        + "; check the path, or unset PR_HARNESS_CONFIG to use the built-in settings", e);
            }
        }
        try {
            return YAML.treeToValue(merged, BotSettings.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(origin + ": unknown setting '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + "; see config/pr-harness.yml for the known settings", e);
        } catch (IOException e) {
            throw new ConfigException(origin + ": " + e.getMessage().lines().findFirst().orElse("invalid settings"), e);
        }
    }

    private static JsonNode builtIn() {
        try (InputStream in = BotSettingsLoader.class.getResourceAsStream("/config/pr-harness.yml")) {
            if (in == null) {
                throw new IllegalStateException("config/pr-harness.yml is missing from the jar; rebuild it");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in config/pr-harness.yml", e);
        }
    }

    /** Deep merge: mappings merge key by key, anything else is replaced. */
    private static void merge(ObjectNode target, JsonNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
