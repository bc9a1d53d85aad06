package dev.prharness.lint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses ruleset XML that could make a parser read files or URLs: entity declarations of any kind, and a
 * DOCTYPE whose system id is not one of Checkstyle's published DTDs (which Checkstyle resolves offline).
 */
final class RulesXmlGuard {

    private static final Pattern DOCTYPE_SYSTEM_ID =
            Pattern.compile("<!DOCTYPE[^>\\[]*?(?:SYSTEM|PUBLIC\\s+\"[^\"]*\")\\s+\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final List<String> KNOWN_DTDS = List.of(
            "https://checkstyle.org/dtds/", "http://checkstyle.org/dtds/",
            "https://www.puppycrawl.com/dtds/", "http://www.puppycrawl.com/dtds/");

    private RulesXmlGuard() {}

    static void check(String origin, String xml) {
        String upper = xml.toUpperCase(Locale.ROOT);
        if (upper.contains("<!ENTITY")) {
            throw new LintConfigException(origin + " declares an XML entity; entities are refused because they can "
                    + "read files or URLs. Remove the <!ENTITY …> declaration.");
        }
        if (upper.contains("<!DOCTYPE") && upper.indexOf('[', upper.indexOf("<!DOCTYPE")) >= 0
                && upper.indexOf('[', upper.indexOf("<!DOCTYPE")) < upper.indexOf('>', upper.indexOf("<!DOCTYPE"))) {
            throw new LintConfigException(origin + " has an internal DTD subset; remove the [ … ] part of its DOCTYPE.");
        }
        Matcher m = DOCTYPE_SYSTEM_ID.matcher(xml);
        if (m.find()) {
            String systemId = m.group(1);
            if (KNOWN_DTDS.stream().noneMatch(systemId::startsWith)) {
                throw new LintConfigException(origin + " refers to the external DTD '" + systemId + "'; only Checkstyle's "
                        + "own DTDs (https://checkstyle.org/dtds/…) are allowed. Remove or replace the DOCTYPE.");
            }
        }
    }
}
