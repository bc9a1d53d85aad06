package dev.prharness.lint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.prharness.review.RuleHelp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The help a linter finding carries: why and how to fix from {@code config/rule-help.yml} (the default rules),
 * how to suppress it the way the linter understands, and a link to the rule's documentation. Links go only to
 * the linters' own sites: a repository's rule set cannot make the bot's comments link elsewhere.
 */
final class RuleGuide {

    private static final Pattern DOC_SITES = Pattern.compile("https://(checkstyle\\.org|docs\\.pmd-code\\.org|pmd\\.github\\.io)/[\\w./#%-]*");
    private static final String CHECKS_PACKAGE = "com.puppycrawl.tools.checkstyle.checks.";
    private static final Map<String, Map<String, Entry>> TABLE = load("/config/rule-help.yml");

    private RuleGuide() {}

    private record Entry(String why, String fix) {}

    /** Help for a Checkstyle finding of {@code checkClass} reported as {@code rule}. */
    static RuleHelp checkstyle(String rule, String checkClass, boolean suppressible) {
        Entry entry = TABLE.getOrDefault("checkstyle", Map.of()).get(rule);
        String suppression = suppressible ? "@SuppressWarnings(\"checkstyle:" + rule + "\")" : "";
        return new RuleHelp(entry == null ? "" : entry.why(), entry == null ? "" : entry.fix(), suppression,
                checkstyleDocs(checkClass));
    }

    /** Help for a PMD finding of {@code rule}, whose documentation PMD gives as {@code externalInfoUrl}. */
    static RuleHelp pmd(String rule, String externalInfoUrl) {
        Entry entry = TABLE.getOrDefault("pmd", Map.of()).get(rule);
        String docs = externalInfoUrl != null && DOC_SITES.matcher(externalInfoUrl).matches() ? externalInfoUrl : "";
        return new RuleHelp(entry == null ? "" : entry.why(), entry == null ? "" : entry.fix(),
                "@SuppressWarnings(\"PMD." + rule + "\")", docs);
    }

    /** {@code …checks.coding.StringLiteralEqualityCheck} → its page on checkstyle.org; checks' own package is "misc". */
    static String checkstyleDocs(String checkClass) {
        if (checkClass == null || !checkClass.startsWith(CHECKS_PACKAGE) || !checkClass.endsWith("Check")) {
            return "";
        }
        String rest = checkClass.substring(CHECKS_PACKAGE.length());
        int dot = rest.lastIndexOf('.');
        String category = dot < 0 ? "misc" : rest.substring(0, dot).replace('.', '/');
        String name = rest.substring(dot + 1, rest.length() - "Check".length());
        return "https://checkstyle.org/checks/" + category + "/" + name.toLowerCase(Locale.ROOT) + ".html#" + name;
    }

    private static Map<String, Map<String, Entry>> load(String resource) {
        try (InputStream in = RuleGuide.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar; rebuild it");
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + resource, e);
        }
    }
}
