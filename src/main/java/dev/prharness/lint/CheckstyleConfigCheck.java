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
 * A repository's Checkstyle configuration treated as data. Modules are Checkstyle's own (no class names from
 * elsewhere); every file-valued property ({@code headerFile}, {@code file}, anything named like a file, URL or
 * URI) must name a file inside the repository, and is rewritten to where the sandbox put that file; the
 * {@code cacheFile} property (which writes files) is refused; {@code ${…}} may name only {@code config_loc}
 * and {@code basedir}. The configuration the linter gets is written back from the checked tree.
 */
final class CheckstyleConfigCheck {

    private static final Set<String> ELEMENTS = Set.of("module", "property", "message", "metadata");
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*|com\\.puppycrawl\\.tools\\.checkstyle\\.[A-Za-z0-9.]+");
    private static final Pattern FILE_PROPERTY = Pattern.compile("(?i).*(file|url|uri)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> KNOWN_VARIABLES = Set.of("config_loc", "basedir");
    /**
     * Checks that judge a file by its neighbours (a package's {@code package-info.java}, a bundle's other
     * translations). A review lints only the changed files, so these would report what is not missing: they are
     * left out, and the review says so.
     */
    private static final Set<String> WHOLE_FOLDER_CHECKS = Set.of("JavadocPackage", "Translation");

    private CheckstyleConfigCheck() {}

    /**
     * A checked configuration: the XML to load, the repository paths of the files it refers to, and the checks
     * left out because they need a whole folder ({@link #WHOLE_FOLDER_CHECKS}).
     */
    record Checked(String xml, List<String> references, List<String> notRun) {}

    /**
     * Checks the configuration at repository path {@code path} ({@code origin} names it in messages) and writes
     * it back with each referenced file's path passed through {@code place}.
     */
    static Checked check(String origin, String path, String xml, UnaryOperator<String> place) {
        XmlTree root = XmlTree.parse(origin, xml);
        if (!root.name().equals("module") || !root.attribute("name").equals("Checker")) {
            throw new LintConfigException(origin + " line " + root.line() + ": the root must be <module name=\"Checker\">");
        }
        List<String> references = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        String folder = RepositoryPath.folderOf(RepositoryPath.normalise(path).orElse(""));
        XmlTree checked = module(origin, root, folder, place, references, notRun);
        return new Checked(checked.write(), List.copyOf(references), List.copyOf(notRun));
    }

    private static XmlTree module(String origin, XmlTree module, String folder, UnaryOperator<String> place,
            List<String> references, List<String> notRun) {
        String name = module.attribute("name");
        if (!MODULE_NAME.matcher(name).matches()) {
            throw new LintConfigException(origin + " line " + module.line() + ": module '" + name + "' is not a Checkstyle "
                    + "module; name Checkstyle's checks by their short names");
        }
        List<XmlTree> children = new ArrayList<>();
        for (XmlTree child : module.children()) {
            if (!ELEMENTS.contains(child.name())) {
                throw new LintConfigException(origin + " line " + child.line() + ": <" + child.name() + "> is not part of "
                        + "a Checkstyle configuration");
            }
            if (child.name().equals("module") && WHOLE_FOLDER_CHECKS.contains(shortName(child.attribute("name")))) {
                notRun.add(shortName(child.attribute("name")));
                continue;
            }
            children.add(switch (child.name()) {
                case "module" -> module(origin, child, folder, place, references, notRun);
                case "property" -> property(origin, name, child, folder, place, references);
                default -> child;
            });
        }
        return new XmlTree(module.name(), module.attributes(), module.text(), children, module.line(),
                module.doctypePublicId());
    }

    /** {@code JavadocPackage} for {@code JavadocPackage}, {@code …javadoc.JavadocPackageCheck} and the like. */
    private static String shortName(String module) {
        String simple = module.substring(module.lastIndexOf('.') + 1);
        return simple.endsWith("Check") ? simple.substring(0, simple.length() - "Check".length()) : simple;
    }

    private static XmlTree property(String origin, String module, XmlTree property, String folder,
            UnaryOperator<String> place, List<String> references) {
        String name = property.attribute("name");
        String value = property.attribute("value");
        String where = origin + " line " + property.line() + ": module " + module + " property " + name;
        if (name.equals("cacheFile")) {
            throw new LintConfigException(where + " is refused: it makes Checkstyle write files; remove it "
                    + "(pr-harness caches results itself)");
        }
        Matcher variables = VARIABLE.matcher(value);
        while (variables.find()) {
            if (!KNOWN_VARIABLES.contains(variables.group(1))) {
                throw new LintConfigException(where + " uses ${" + variables.group(1) + "}; only ${config_loc} and "
                        + "${basedir} are known");
            }
        }
        if (!FILE_PROPERTY.matcher(name).matches() || value.isBlank()) {
            return property;
        }
        String expanded = value.replace("${config_loc}", folder.isEmpty() ? "." : folder).replace("${basedir}", ".");
        String repositoryPath = RepositoryPath.normalise(expanded).orElseThrow(() -> new LintConfigException(where
                + " names '" + value + "', which is not a file inside the repository; give a path relative to the "
                + "repository root (or ${config_loc}/…)"));
        references.add(repositoryPath);
        Map<String, String> attributes = new LinkedHashMap<>(property.attributes());
        attributes.put("value", place.apply(repositoryPath));
        return new XmlTree(property.name(), attributes, property.text(), property.children(), property.line(), null);
    }
}
