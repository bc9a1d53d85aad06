package dev.prharness.harness;

/** A tool call as the model wrote it: its id, the tool's name, and the arguments as raw JSON text. */
public record ToolCall(String id, String name, String arguments) {}
