package dev.prharness.cli;

import dev.prharness.app.CompositionRoot;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** What a command may use from its surroundings: environment variables and the output streams. */
public record CliContext(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {

    /** The composition root for this run's environment: every command builds what it needs through it. */
    public CompositionRoot root() {
        return new CompositionRoot(env, err);
    }

    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Prints a command's result on standard output, or writes it to {@code output} when one was given (--output). */
    public void write(String text, java.nio.file.Path output) {
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            java.nio.file.Files.writeString(output, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot write --output " + output + ": " + e.getMessage());
        }
    }
}
