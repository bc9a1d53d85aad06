package dev.prharness.harness;

import com.fasterxml.jackson.databind.JsonNode;

/** What the model is told about a tool: name, description and the JSON schema of its arguments. */
public record ToolSpec(String name, String description, JsonNode parameters) {}
