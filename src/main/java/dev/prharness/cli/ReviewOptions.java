package dev.prharness.cli;

import dev.prharness.config.ConfigException;
import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.review.OutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code review} and {@code review-pr} share (SPEC §2), as a picocli mixin. */
final class ReviewOptions {

    @Option(names = "--format", defaultValue = "text", description = "text, markdown, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--no-ai", description = "Linters only: do not call the model.")
    boolean noAi;

    @Option(names = "--fail-on", defaultValue = "none",
            description = "Exit with 1 when a finding is at or above this severity: none, info, warning, error (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--config", description = "Review config YAML to use instead of the repository's .github/pr-harness.yml "
            + "(read from the base commit by review, from the default branch by review-pr).")
    Path config;

    OutputFormat outputFormat() {
        try {
            return OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    FailOn failOn() {
        return FailOn.parse(failOn);
    }

    /** The {@code --config} file, with rule files relative to its folder, read by {@code loader}; empty when none was given. */
    Optional<ReviewConfig> configFile(ReviewConfigLoader loader) {
        if (config == null) {
            return Optional.empty();
        }
        String yaml;
        try {
            yaml = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read --config " + config + ": " + e.getMessage()
                    + "; check the path and its permissions", e);
        }
        Path folder = config.toAbsolutePath().getParent();
        return Optional.of(loader.load(config.toString(), yaml, relative -> readIfExists(folder.resolve(relative))));
    }

    private static Optional<String> readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
