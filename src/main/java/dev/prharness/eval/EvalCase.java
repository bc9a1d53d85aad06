package dev.prharness.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One review case: a repository's files at the base commit, the edits that make the head commit, and — unless the
 * change is clean — where in the head the seeded defect is. {@code summary} and {@code description} are the pull
 * request's title and body; {@code category} names the kind of defect ({@code clean} for none).
 */
public record EvalCase(String name, String summary, String description, String category, Map<String, String> files,
        List<Edit> change, Optional<Seeded> defect) {

    public static final String CLEAN = "clean";

    /** Replaces the one occurrence of {@code find} in {@code path} with {@code replace}. */
    public record Edit(String path, String find, String replace) {}

    /** The defect is the text {@code at}, which occurs once in the head version of {@code path}. */
    public record Seeded(String path, String at) {}

    /** Where a defect is expected: lines {@code first} to {@code last} of {@code path} at the head commit. */
    public record Expected(String path, int first, int last) {}

    public EvalCase {
        files = Map.copyOf(files);
        change = List.copyOf(change);
    }

    public boolean clean() {
        return defect.isEmpty();
    }

    /** The files at the head commit: the base with every edit applied in order. */
    public Map<String, String> head() {
        Map<String, String> head = new LinkedHashMap<>(files);
        for (Edit edit : change) {
            String text = head.getOrDefault(edit.path(), "");
            int at = text.indexOf(edit.find());
            if (edit.find().isEmpty() || at < 0 || text.indexOf(edit.find(), at + 1) >= 0) {
                throw new EvalCaseException(name + ": an edit of " + edit.path() + " must find its text exactly once, "
                        + (at < 0 ? "and it is not there" : "and it is there more than once") + ": "
                        + firstLine(edit.find()));
            }
            head.put(edit.path(), text.substring(0, at) + edit.replace() + text.substring(at + edit.find().length()));
        }
        return head;
    }

    /** The lines of the head the seeded defect spans; empty for a clean case. */
    public Optional<Expected> expected() {
        if (defect.isEmpty()) {
            return Optional.empty();
        }
        Seeded seeded = defect.get();
        String text = head().get(seeded.path());
        int at = text == null ? -1 : text.indexOf(seeded.at());
        if (at < 0 || text.indexOf(seeded.at(), at + 1) >= 0) {
            throw new EvalCaseException(name + ": the defect's text must occur exactly once in the head of " + seeded.path()
                    + ": " + firstLine(seeded.at()));
        }
        int first = lineOf(text, at);
        int last = lineOf(text, at + Math.max(0, seeded.at().stripTrailing().length() - 1));
        return Optional.of(new Expected(seeded.path(), first, last));
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}
