package dev.prharness.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks tool arguments against the subset of JSON Schema our tool specs use: object properties, required,
 * additionalProperties false, types (string, integer, number, boolean, array, object), enum, minimum,
 * maximum and array items. Returns every problem, worded for the model to fix.
 */
final class ArgumentValidator {

    List<String> validate(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "arguments", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String where, List<String> problems) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(where + " must be " + article(type) + " " + type + ", not " + describe(value));
            return;
        }
        if (schema.has("enum")) {
            boolean allowed = false;
            for (JsonNode option : schema.get("enum")) {
                allowed |= option.equals(value);
            }
            if (!allowed) {
                problems.add(where + " must be one of " + schema.get("enum") + ", not " + value);
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                problems.add(where + " must be at least " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(where + " must be at most " + schema.get("maximum"));
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
                    problems.add(where + " is missing the required field '" + required.asText() + "'");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema == null) {
                    if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                        problems.add(where + " has the unknown field '" + field.getKey() + "'; allowed: " + names(properties));
                    }
                } else if (!field.getValue().isNull()) {
                    check(fieldSchema, field.getValue(), field.getKey(), problems);
                }
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + value;
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
