package dev.prharness.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A private temporary folder that mirrors the repository paths of the files a rule set refers to, written
 * from their checked form, for the time a linter loads its configuration. The only paths a configuration can
 * reach are the ones {@link #place} hands out, inside this folder.
 */
final class RuleSandbox implements AutoCloseable {

    private final Path root;
    private final Map<String, String> files;

    private RuleSandbox(Path root, Map<String, String> files) {
        this.root = root;
        this.files = files;
    }

    /** Checkstyle's files: XML ones (suppressions, import control) written back from their checked tree. */
    static RuleSandbox forCheckstyle(Map<String, String> files) {
        RuleSandbox sandbox = open(files);
        files.forEach((path, text) -> sandbox.write(path, path.endsWith(".xml") ? XmlTree.parse(path, text).write() : text));
        return sandbox;
    }

    /** PMD's rulesets, each written back checked, its own references placed in this folder. */
    static RuleSandbox forPmd(Map<String, String> files) {
        RuleSandbox sandbox = open(files);
        UnaryOperator<String> place = sandbox::place;
        files.forEach((path, text) -> sandbox.write(path, PmdRulesetCheck.check(path, text, place).xml()));
        return sandbox;
    }

    private static RuleSandbox open(Map<String, String> files) {
        try {
            return new RuleSandbox(Files.createTempDirectory("pr-harness-rules"), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the rule files", e);
        }
    }

    /** The absolute path of a repository file in this folder; only files the rules were read with are there. */
    String place(String repositoryPath) {
        if (!files.containsKey(repositoryPath)) {
            throw new LintConfigException("the rules refer to '" + repositoryPath + "', which was not read with them");
        }
        return root.resolve(repositoryPath).toAbsolutePath().toString();
    }

    private void write(String repositoryPath, String text) {
        Path target = root.resolve(repositoryPath).normalize();
        if (!target.startsWith(root)) {
            throw new LintConfigException("the rule file '" + repositoryPath + "' is not inside the repository");
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rule file " + repositoryPath + " into " + root, e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
