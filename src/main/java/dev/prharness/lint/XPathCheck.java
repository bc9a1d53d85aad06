package dev.prharness.lint;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XPath rule's expression may only look at the syntax tree it is given: functions that read files or URLs,
 * the environment, or other documents are refused, and so is any function outside XPath's own and PMD's
 * namespaces (by prefix or as {@code Q{…}} names). String literals and comments are ignored when looking.
 */
final class XPathCheck {

    private static final Set<String> OUTSIDE = Set.of("unparsed-text", "unparsed-text-lines", "unparsed-text-available",
            "doc", "doc-available", "document", "collection", "uri-collection", "json-doc", "environment-variable",
            "available-environment-variables", "function-lookup", "load-xquery-module", "transform", "parse-xml",
            "parse-xml-fragment", "system-property", "put", "send-request", "http-send-request");
    private static final Set<String> PREFIXES = Set.of("fn", "pmd", "pmd-java", "math", "map", "array", "xs");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.$@-])(?:([A-Za-z_][\\w.-]*):)?([A-Za-z_][\\w.-]*)(?![\\w.-])");
    private static final Pattern LITERALS_AND_COMMENTS = Pattern.compile("\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|\\(:.*?:\\)",
            Pattern.DOTALL);

    private XPathCheck() {}

    /** Throws naming the function when {@code xpath} could reach outside the syntax tree. */
    static void check(String where, String xpath) {
        String code = LITERALS_AND_COMMENTS.matcher(xpath).replaceAll(" ");
        if (code.contains("Q{")) {
            throw new LintConfigException(where + ": the XPath uses a Q{…} name; write functions by their plain name");
        }
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            String prefix = m.group(1);
            String local = m.group(2);
            boolean axis = code.startsWith("::", m.end());
            if (prefix != null && !PREFIXES.contains(prefix) && !axis) {
                throw new LintConfigException(where + ": the XPath calls '" + prefix + ":" + local + "'; only XPath's "
                        + "own and PMD's functions are allowed");
            }
            if (OUTSIDE.contains(local)) {
                throw new LintConfigException(where + ": the XPath uses " + local + "(), which reads outside the code "
                        + "under review; rules may only look at the syntax tree");
            }
        }
    }
}
