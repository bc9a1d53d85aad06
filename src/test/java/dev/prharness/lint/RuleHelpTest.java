package dev.prharness.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.review.Finding;
import dev.prharness.review.RuleHelp;
import dev.prharness.review.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The help on each finding is true: a suggestion, applied, compiles and makes the finding go away; the suppression
 * it names silences the finding when written in the code; the documentation link is the linter's own site.
 */
class RuleHelpTest {

    private final LintEngine engine = new LintEngine();

    private static final String COMPARES = """
            package demo;

            class Compares {
                String mode;

                boolean stop(String command) {
                    return command == "stop";
                }

                boolean running() {
                    if (this.mode != "stopped" && mode.length() > 0) {
                        return true;
                    }
                    return false;
                }

                int count() {
                    int answer = 42;
                    String alsoUnused = "x";
                    return 1;
                }
            }
            """;

    @Test
    void everyDefaultRuleThatFindsSomethingSaysWhyAndHowToFixItAndLinksToItsDocumentation() {
        List<Finding> findings = lint(COMPARES);
        assertFalse(findings.isEmpty());
        for (Finding f : findings) {
            RuleHelp help = f.help();
            assertFalse(help.why().isEmpty(), "why: " + f);
            assertFalse(help.fix().isEmpty(), "fix: " + f);
            assertTrue(help.docUrl().startsWith("https://checkstyle.org/checks/") || help.docUrl().startsWith("https://docs.pmd-code.org/"),
                    "docs: " + f);
            assertTrue(help.docUrl().toLowerCase(Locale.ROOT).contains(f.rule().toLowerCase(Locale.ROOT)), "docs: " + f);
        }
    }

    @Test
    void eachSuggestionAppliedCompilesAndMakesItsFindingGoAway() {
        List<Finding> suggested = lint(COMPARES).stream().filter(f -> f.suggestion() != null).toList();
        List<String> rules = suggested.stream().map(f -> f.rule() + "@" + f.line()).distinct().toList();
        assertTrue(rules.containsAll(List.of("UseEqualsToCompareStrings@7", "StringLiteralEquality@7",
                "UseEqualsToCompareStrings@11", "UnusedLocalVariable@18", "UnusedLocalVariable@19")), rules + " of " + lint(COMPARES));
        assertEquals("        return \"stop\".equals(command);", suggestion(suggested, 7));
        assertEquals("        if (!\"stopped\".equals(this.mode) && mode.length() > 0) {", suggestion(suggested, 11));
        assertEquals("", suggestion(suggested, 18), "an unused local with a literal value is removed");

        String fixed = COMPARES;
        for (int line : new int[] {19, 18, 11, 7}) {
            fixed = replaceLine(fixed, line, suggestion(suggested, line));
        }
        assertEquals(Optional.empty(), compileErrors(fixed));
        List<Finding> after = lint(fixed);
        assertTrue(after.isEmpty(), "all fixed: " + after);
    }

    @Test
    void noSuggestionWhereTheFixWouldNotBeCertain() {
        String source = """
                package demo;

                class Unsure {
                    boolean a(String x, String y) {
                        return x + y == "ab";
                    }

                    boolean b(String x) {
                        return x == "a" || x == "b";
                    }

                    boolean c(String x, String y) {
                        return x == y;
                    }

                    int d() {
                        int unused = compute();
                        return 1;
                    }

                    boolean e(String x) {
                        return x == "a"; // compared by reference on purpose
                    }

                    int compute() {
                        return 2;
                    }
                }
                """;
        List<Finding> findings = lint(source);
        assertTrue(findings.size() >= 5, findings.toString());
        findings.forEach(f -> assertNull(f.suggestion(), "no certain fix: " + f));
    }

    @Test
    void theSuppressionEachFindingNamesSilencesItWhenWrittenInTheCode() {
        for (Finding f : lint(COMPARES)) {
            String annotated = insertBeforeMethodOf(COMPARES, f.line(), "    " + f.help().suppression());
            List<Finding> left = lint(annotated).stream()
                    .filter(g -> g.rule().equals(f.rule()) && g.source().equals(f.source()))
                    .filter(g -> g.line() == f.line() + 1).toList();
            assertTrue(left.isEmpty(), f.help().suppression() + " did not silence " + f + ": " + left);
        }
    }

    @Test
    void checkstyleSuppressionIsOfferedOnlyWhereTheConfigurationHonoursIt() {
        LintRules plain = new LintRules("checkstyle.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
                    "https://checkstyle.org/dtds/configuration_1_3.dtd">
                <module name="Checker"><module name="TreeWalker"><module name="StringLiteralEquality"/></module></module>
                """, LintRules.defaults().pmdOrigin(), LintRules.defaults().pmdXml());
        Finding finding = engine.lint(List.of(new SourceFile("demo/Compares.java", COMPARES)), plain).findings().stream()
                .filter(f -> f.source().equals("checkstyle")).findFirst().orElseThrow();
        assertEquals("", finding.help().suppression(), "no SuppressWarningsFilter in this configuration");
        assertEquals("https://checkstyle.org/checks/coding/stringliteralequality.html#StringLiteralEquality",
                finding.help().docUrl());
    }

    @Test
    void documentationLinksGoOnlyToTheLintersOwnSites() {
        assertEquals("", RuleGuide.pmd("Custom", "https://evil.example/phish").docUrl());
        assertEquals("", RuleGuide.pmd("Custom", "javascript:alert(1)").docUrl());
        assertEquals("", RuleGuide.pmd("Custom", null).docUrl());
        assertEquals("https://checkstyle.org/checks/misc/newlineatendoffile.html#NewlineAtEndOfFile",
                RuleGuide.checkstyleDocs("com.puppycrawl.tools.checkstyle.checks.NewlineAtEndOfFileCheck"));
        assertEquals("", RuleGuide.checkstyleDocs("org.example.MyCheck"));
    }

    private List<Finding> lint(String source) {
        return engine.lint(List.of(new SourceFile("src/main/java/demo/Compares.java", source)), LintRules.defaults())
                .findings().stream().filter(f -> f.severity().atLeast(Severity.INFO)).toList();
    }

    private static String suggestion(List<Finding> findings, int line) {
        return findings.stream().filter(f -> f.line() == line).map(Finding::suggestion).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion on line " + line + ": " + findings));
    }

    /** Replaces line {@code line} (1-based); an empty replacement removes it, as GitHub does with an empty suggestion. */
    private static String replaceLine(String text, int line, String replacement) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (replacement.isEmpty()) {
            lines.remove(line - 1);
        } else {
            lines.set(line - 1, replacement);
        }
        return String.join("\n", lines);
    }

    /** Puts {@code annotation} on its own line before the method that holds line {@code line}. */
    private static String insertBeforeMethodOf(String text, int line, String annotation) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int method = line - 1;
        while (!lines.get(method).matches("    \\w.*\\(.*\\) \\{")) {
            method--;
        }
        lines.add(method, annotation);
        return String.join("\n", lines);
    }

    private static Optional<String> compileErrors(String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///demo/Compares.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> errors = new ArrayList<>();
        boolean ok = compiler.getTask(null, null, d -> errors.add(d.toString()), List.of("-d",
                System.getProperty("java.io.tmpdir") + "/pr-harness-compile-check", "-proc:none"), null, List.of(file)).call();
        return ok ? Optional.empty() : Optional.of(String.join("\n", errors));
    }
}
