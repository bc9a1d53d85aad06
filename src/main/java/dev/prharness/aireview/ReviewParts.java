package dev.prharness.aireview;

import dev.prharness.diff.FileDiff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a big change's deep-review files into parts that review loops can take at the same time: a file and its
 * test stay together, files of one directory stay together as far as sizes allow, and the parts are about the same
 * size (changed lines). Each part gets at least {@link #MIN_FILES_PER_PART} files' worth of work where there are
 * enough files.
 */
final class ReviewParts {

    static final int MIN_FILES_PER_PART = 4;
    /** What a file costs a loop besides its changed lines: a diff to read, a header, a turn's share. */
    private static final int PER_FILE_WEIGHT = 20;

    private ReviewParts() {}

    static List<List<FileDiff>> split(List<FileDiff> files, int maxParts) {
        Map<String, List<FileDiff>> units = new LinkedHashMap<>();
        files.stream().sorted(Comparator.comparing(f -> unitKey(f.path())))
                .forEach(f -> units.computeIfAbsent(unitKey(f.path()), k -> new ArrayList<>()).add(f));
        int parts = Math.min(Math.min(maxParts, units.size()), Math.max(1, (files.size() + MIN_FILES_PER_PART - 1)
                / MIN_FILES_PER_PART));
        if (parts <= 1) {
            return List.of(List.copyOf(files));
        }
        long total = units.values().stream().mapToLong(ReviewParts::weight).sum();
        List<List<FileDiff>> out = new ArrayList<>();
        List<FileDiff> current = new ArrayList<>();
        long currentWeight = 0;
        long before = 0;
        int unitsLeft = units.size();
        for (List<FileDiff> unit : units.values()) {
            int partsLeft = parts - out.size();
            // Close the current part when it has reached its share of the whole, or when every unit left is
            // needed to give each remaining part one.
            boolean full = !current.isEmpty() && (before + currentWeight >= total * (out.size() + 1) / parts
                    || unitsLeft < partsLeft);
            if (full && partsLeft > 1) {
                out.add(List.copyOf(current));
                before += currentWeight;
                current.clear();
                currentWeight = 0;
            }
            current.addAll(unit);
            currentWeight += weight(unit);
            unitsLeft--;
        }
        out.add(List.copyOf(current));
        return List.copyOf(out);
    }

    private static long weight(List<FileDiff> unit) {
        return unit.stream().mapToLong(f -> f.additions() + f.deletions() + PER_FILE_WEIGHT).sum();
    }

    /**
     * The unit a file belongs to: its directory with the test tree mapped onto the main tree, and its name without
     * the test suffix or prefix, so {@code src/test/java/a/FooTest.java} goes with {@code src/main/java/a/Foo.java}.
     */
    static String unitKey(String path) {
        String normalised = path.replace('\\', '/');
        int slash = normalised.lastIndexOf('/');
        String directory = slash < 0 ? "" : normalised.substring(0, slash + 1);
        String name = slash < 0 ? normalised : normalised.substring(slash + 1);
        int dot = name.indexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        directory = ("/" + directory).replace("/test/", "/main/").replace("/tests/", "/main/").substring(1);
        for (String suffix : List.of("Tests", "Test", "IT", "Spec", "_test", "_spec", ".test", ".spec")) {
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        if (stem.toLowerCase(Locale.ROOT).startsWith("test_") && stem.length() > 5) {
            stem = stem.substring(5);
        }
        return directory + stem;
    }
}
