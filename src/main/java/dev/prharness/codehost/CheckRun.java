package dev.prharness.codehost;

import java.util.List;

/**
 * What a check run on a commit says when it completes: the conclusion ({@code success}, {@code neutral} or
 * {@code failure}), a title and a markdown summary, and annotations on lines of files.
 */
public record CheckRun(Conclusion conclusion, String title, String summary, List<Annotation> annotations) {

    public CheckRun {
        annotations = List.copyOf(annotations);
    }

    /** How a completed check ends. */
    public enum Conclusion {
        SUCCESS,
        NEUTRAL,
        FAILURE;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A finding on a line of a file: level {@code notice}, {@code warning} or {@code failure}. */
    public record Annotation(String path, int line, String level, String title, String message) {}
}
