package dev.prharness.action;

import dev.prharness.review.FileNote;
import dev.prharness.review.Review;
import dev.prharness.review.ReviewComment;
import dev.prharness.review.Severity;
import dev.prharness.safety.OutgoingFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to the GitHub Actions runner: log groups, masks, annotations (within GitHub's per-step limits,
 * most severe first), step outputs ({@code $GITHUB_OUTPUT}) and the step summary ({@code $GITHUB_STEP_SUMMARY}).
 */
public final class WorkflowCommands {

    /** GitHub shows at most this many annotations of each level per step and drops the rest silently. */
    static final int ANNOTATIONS_PER_LEVEL = 10;

    private final PrintStream out;
    private final Map<String, String> env;
    private final OutgoingFilter filter;

    /** {@code filter}: what annotations, warnings and the step summary pass before they are written. */
    public WorkflowCommands(PrintStream out, Map<String, String> env, OutgoingFilter filter) {
        this.out = out;
        this.env = env;
        this.filter = filter;
    }

    public void mask(String secret) {
        if (secret != null && !secret.isBlank()) {
            out.println("::add-mask::" + escapeData(secret));
        }
    }

    public void group(String title) {
        out.println("::group::" + escapeData(title));
    }

    public void endGroup() {
        out.println("::endgroup::");
    }

    public void warning(String message) {
        out.println("::warning::" + escapeData(filter.apply(message)));
    }

    /** Annotations for a review's findings: errors, then warnings, then notices, each capped per step. */
    public int annotate(Review review) {
        record Item(Severity severity, String path, int line, String title, String message) {}
        List<Item> items = new ArrayList<>();
        for (ReviewComment c : review.comments()) {
            items.add(new Item(c.severity(), c.path(), c.line(), title(c.source(), c.rule()), c.message()));
        }
        for (FileNote n : review.fileNotes()) {
            items.add(new Item(n.severity(), n.path(), n.line(), title(n.source(), n.rule()), n.message()));
        }
        items.sort(Comparator.comparing(Item::severity).reversed());
        int written = 0;
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            String level = switch (severity) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            List<Item> ofLevel = items.stream().filter(i -> i.severity() == severity).limit(ANNOTATIONS_PER_LEVEL).toList();
            for (Item item : ofLevel) {
                out.println("::" + level + " file=" + escapeProperty(item.path()) + ",line=" + item.line() + ",title="
                        + escapeProperty(filter.apply(item.title())) + "::" + escapeData(filter.apply(item.message())));
                written++;
            }
        }
        return written;
    }

    /** Appends {@code name=value} to {@code $GITHUB_OUTPUT}, when the runner gave one. */
    public void output(String name, String value) throws IOException {
        Optional<Path> file = pathOf("GITHUB_OUTPUT");
        if (file.isPresent()) {
            Files.writeString(file.get(), name + "=" + value.replace("\n", " ") + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Appends markdown to {@code $GITHUB_STEP_SUMMARY}, when the runner gave one. */
    public void summary(String markdown) throws IOException {
        Optional<Path> file = pathOf("GITHUB_STEP_SUMMARY");
        if (file.isPresent()) {
            String text = filter.apply(markdown);
            Files.writeString(file.get(), text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private Optional<Path> pathOf(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static String title(String source, String rule) {
        return rule == null ? "pr-harness " + source : "pr-harness " + source + " " + rule;
    }

    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
