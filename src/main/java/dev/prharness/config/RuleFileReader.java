package dev.prharness.config;

import java.util.Optional;

/** Reads a ruleset file named in a config, relative to where that config lives. */
@FunctionalInterface
public interface RuleFileReader {

    /** The file's text, or empty when there is no such file. */
    Optional<String> read(String relativePath);
}
