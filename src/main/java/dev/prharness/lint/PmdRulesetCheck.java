package dev.prharness.lint;

import dev.prharness.change.RepositoryPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository's PMD ruleset treated as data. A rule reference names a ruleset shipped with PMD
 * ({@code category/java/errorprone.xml/EmptyCatchBlock}) or a ruleset file inside the repository (which is
 * checked the same way and rewritten to where the sandbox put it); rule classes are PMD's own; XPath rules may
 * only look at the syntax tree ({@link XPathCheck}). The ruleset the linter gets is written back from the
 * checked tree.
 */
final class PmdRulesetCheck {

    private static final Set<String> ELEMENTS = Set.of("ruleset", "description", "rule", "exclude", "exclude-pattern",
            "include-pattern", "properties", "property", "value", "priority", "example");
    private static final Pattern BUNDLED = Pattern.compile("(category|rulesets)/[a-z]+/[A-Za-z0-9_-]+\\.xml(/[A-Za-z0-9_]+)?");
    private static final Pattern FILE_REFERENCE = Pattern.compile("(.+?\\.xml)(/[A-Za-z0-9_]+)?");

    private PmdRulesetCheck() {}

    /** A checked ruleset: the XML to load, and the repository paths of the ruleset files it refers to. */
    record Checked(String xml, List<String> references) {}

    /** Checks the ruleset and writes it back with each in-repository reference passed through {@code place}. */
    static Checked check(String origin, String xml, UnaryOperator<String> place) {
        XmlTree root = XmlTree.parse(origin, xml);
        if (!root.name().equals("ruleset")) {
            throw new LintConfigException(origin + " line " + root.line() + ": the root must be <ruleset>");
        }
        if (root.doctypePublicId() != null) {
            throw new LintConfigException(origin + ": a PMD ruleset has no DOCTYPE; remove it");
        }
        List<String> references = new ArrayList<>();
        XmlTree checked = element(origin, root, "", place, references);
        return new Checked(checked.write(), List.copyOf(references));
    }

    private static XmlTree element(String origin, XmlTree element, String rule, UnaryOperator<String> place,
            List<String> references) {
        if (!ELEMENTS.contains(element.name())) {
            throw new LintConfigException(origin + " line " + element.line() + ": <" + element.name() + "> is not part "
                    + "of a PMD ruleset");
        }
        Map<String, String> attributes = new LinkedHashMap<>(element.attributes());
        String ruleName = rule;
        if (element.name().equals("rule")) {
            ruleName = !element.attribute("name").isEmpty() ? element.attribute("name") : element.attribute("ref");
            String where = origin + " line " + element.line() + ": rule " + ruleName;
            String className = element.attribute("class");
            if (!className.isEmpty() && !className.startsWith("net.sourceforge.pmd.")) {
                throw new LintConfigException(where + " names the class '" + className + "'; only PMD's own rule "
                        + "classes may be used (XPath rules use net.sourceforge.pmd.lang.rule.xpath.XPathRule)");
            }
            String ref = element.attribute("ref");
            if (!ref.isEmpty()) {
                attributes.put("ref", reference(where, ref, place, references));
            }
        }
        if (element.name().equals("property") && element.attribute("name").equals("xpath")) {
            String where = origin + " line " + element.line() + ": rule " + rule;
            XPathCheck.check(where, element.attribute("value"));
            element.children("value").forEach(v -> XPathCheck.check(where, v.text()));
        }
        List<XmlTree> children = new ArrayList<>();
        for (XmlTree child : element.children()) {
            children.add(element(origin, child, ruleName, place, references));
        }
        return new XmlTree(element.name(), attributes, element.text(), children, element.line(), null);
    }

    private static String reference(String where, String ref, UnaryOperator<String> place, List<String> references) {
        if (BUNDLED.matcher(ref).matches()) {
            return ref;
        }
        Matcher file = FILE_REFERENCE.matcher(ref);
        String path = file.matches() ? RepositoryPath.normalise(file.group(1)).orElse(null) : null;
        if (path == null) {
            throw new LintConfigException(where + " refers to '" + ref + "'; a rule reference names a ruleset shipped "
                    + "with PMD (category/java/…xml/Rule) or a ruleset file inside the repository");
        }
        references.add(path);
        return place.apply(path) + (file.group(2) == null ? "" : file.group(2));
    }
}
