package dev.prharness.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The rules of one review: a Checkstyle configuration and a PMD ruleset, as XML text, with where each came
 * from (for error messages). Checked against XML entity tricks on creation; identified by a content hash.
 */
public record LintRules(String checkstyleOrigin, String checkstyleXml, String pmdOrigin, String pmdXml) {

    public LintRules {
        RulesXmlGuard.check(checkstyleOrigin, checkstyleXml);
        RulesXmlGuard.check(pmdOrigin, pmdXml);
    }

    /** The rules in {@code config/} of this project, shipped inside the jar. */
    public static LintRules defaults() {
        return new LintRules("config/checkstyle.xml (built-in)", resource("/config/checkstyle.xml"),
                "config/pmd-ruleset.xml (built-in)", resource("/config/pmd-ruleset.xml"));
    }

    public String hash() {
        return ContentHash.of(checkstyleXml, pmdXml);
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
