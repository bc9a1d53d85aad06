package dev.prharness.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** What a command may use from its surroundings: environment variables and the output streams. */
public record CliContext(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {

    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
