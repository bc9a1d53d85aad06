package dev.prharness.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of one review: a Checkstyle configuration and a PMD ruleset as XML text, with where each came from
 * (its repository path, or the built-in name), and the repository files they refer to (Checkstyle's header,
 * suppression and import-control files; PMD rulesets referenced from the ruleset). Checked as data on
 * creation ({@link CheckstyleConfigCheck}, {@link PmdRulesetCheck}): a reference to anything but those files
 * is refused. Identified by a content hash.
 */
public record LintRules(String checkstyleOrigin, String checkstyleXml, String pmdOrigin, String pmdXml,
        Map<String, String> checkstyleFiles, Map<String, String> pmdFiles) {

    /** More files than any real rule set refers to: a bound on what a repository can make the bot read. */
    private static final int MAX_REFERENCED_FILES = 50;

    public LintRules {
        checkstyleFiles = Map.copyOf(checkstyleFiles);
        pmdFiles = Map.copyOf(pmdFiles);
        Map<String, String> checkstyleRefs = checkstyleFiles;
        CheckstyleConfigCheck.check(checkstyleOrigin, checkstyleOrigin, checkstyleXml,
                path -> present(checkstyleOrigin, path, checkstyleRefs));
        checkstyleFiles.forEach((path, text) -> {
            if (path.endsWith(".xml")) {
                XmlTree.parse(path, text);
            }
        });
        Map<String, String> pmdRefs = pmdFiles;
        PmdRulesetCheck.check(pmdOrigin, pmdXml, path -> present(pmdOrigin, path, pmdRefs));
        pmdFiles.forEach((path, text) -> PmdRulesetCheck.check(path, text, p -> present(path, p, pmdRefs)));
    }

    /** Rules without references to other files. */
    public LintRules(String checkstyleOrigin, String checkstyleXml, String pmdOrigin, String pmdXml) {
        this(checkstyleOrigin, checkstyleXml, pmdOrigin, pmdXml, Map.of(), Map.of());
    }

    /** The rules in {@code config/} of this project, shipped inside the jar. */
    public static LintRules defaults() {
        return new LintRules("config/checkstyle.xml (built-in)", resource("/config/checkstyle.xml"),
                "config/pmd-ruleset.xml (built-in)", resource("/config/pmd-ruleset.xml"));
    }

    /**
     * Rules whose files came from a repository ({@code checkstyleOrigin} and {@code pmdOrigin} are their
     * repository paths): every file they refer to is read with {@code read} (repository path → text, from the
     * same commit), and checked.
     */
    public static LintRules fromRepository(String checkstyleOrigin, String checkstyleXml, String pmdOrigin, String pmdXml,
            Function<String, Optional<String>> read) {
        Map<String, String> checkstyleFiles = new TreeMap<>();
        for (String path : CheckstyleConfigCheck.check(checkstyleOrigin, checkstyleOrigin, checkstyleXml, p -> p).references()) {
            checkstyleFiles.put(path, readReferenced(checkstyleOrigin, path, read));
        }
        Map<String, String> pmdFiles = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(PmdRulesetCheck.check(pmdOrigin, pmdXml, p -> p).references());
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (pmdFiles.containsKey(path)) {
                continue;
            }
            if (pmdFiles.size() >= MAX_REFERENCED_FILES) {
                throw new LintConfigException(pmdOrigin + " refers to more than " + MAX_REFERENCED_FILES + " ruleset files");
            }
            String text = readReferenced(pmdOrigin, path, read);
            pmdFiles.put(path, text);
            pending.addAll(PmdRulesetCheck.check(path, text, p -> p).references());
        }
        return new LintRules(checkstyleOrigin, checkstyleXml, pmdOrigin, pmdXml, checkstyleFiles, pmdFiles);
    }

    /** Checks of the Checkstyle configuration that a review leaves out: they judge a file by its whole folder. */
    public List<String> checksNotRun() {
        return CheckstyleConfigCheck.check(checkstyleOrigin, checkstyleOrigin, checkstyleXml, p -> p).notRun();
    }

    public String hash() {
        StringBuilder all = new StringBuilder(checkstyleXml).append('\0').append(pmdXml);
        new TreeMap<>(checkstyleFiles).forEach((p, t) -> all.append('\0').append(p).append('\0').append(t));
        new TreeMap<>(pmdFiles).forEach((p, t) -> all.append('\0').append(p).append('\0').append(t));
        return ContentHash.of(all.toString());
    }

    private static String readReferenced(String origin, String path, Function<String, Optional<String>> read) {
        return read.apply(path).orElseThrow(() -> new LintConfigException(origin + " refers to '" + path
                + "', which does not exist in the repository"));
    }

    private static String present(String origin, String path, Map<String, String> files) {
        if (!files.containsKey(path)) {
            throw new LintConfigException(origin + " refers to '" + path + "', which was not read with the rules");
        }
        return path;
    }

    private static String resource(String name) {
        try (InputStream in = LintRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in ruleset " + name + " is missing from the jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in ruleset " + name, e);
        }
    }
}
