package dev.prharness.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.review.Finding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository's rule files are data: each way they could read the machine's files or reach a URL is refused,
 * a local listener receives no connection, and a canary file outside the repository appears in no finding.
 */
class RuleFileAttackTest {

    private static final String CANARY = "CANARY-7f3a9c-not-for-your-eyes";
    private static final String CHECKSTYLE_DOCTYPE = "<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" "
            + "\"https://checkstyle.org/dtds/configuration_1_3.dtd\">\n";

    @TempDir
    Path dir;

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private String url;
    private Path canary;

    @BeforeEach
    void aListenerAndACanary() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        url = "http://127.0.0.1:" + listener.getLocalPort() + "/rules.xml";
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        canary = dir.resolve("outside").resolve("secret.txt");
        Files.createDirectories(canary.getParent());
        Files.writeString(canary, CANARY + "\n" + CANARY + "\n");
    }

    @AfterEach
    void noConnectionWasMade() throws IOException {
        listener.close();
        assertEquals(0, connections.get(), "a rule file reached the network");
    }

    private static String checkstyle(String modules) {
        return "<?xml version=\"1.0\"?>\n" + CHECKSTYLE_DOCTYPE + "<module name=\"Checker\">\n" + modules + "\n</module>\n";
    }

    private static String pmd(String rules) {
        return "<?xml version=\"1.0\"?>\n<ruleset name=\"team\" xmlns=\"http://pmd.sourceforge.net/ruleset/2.0.0\">\n"
                + "<description>team</description>\n" + rules + "\n</ruleset>\n";
    }

    private static String xpathRule(String xpath) {
        return pmd("<rule name=\"Sneaky\" language=\"java\" message=\"m\" class=\"net.sourceforge.pmd.lang.rule.xpath.XPathRule\">"
                + "<properties><property name=\"xpath\"><value><![CDATA[" + xpath + "]]></value></property></properties></rule>");
    }

    private LintConfigException refusedCheckstyle(String xml) {
        LintRules defaults = LintRules.defaults();
        return assertThrows(LintConfigException.class, () -> LintRules.fromRepository("config/checkstyle.xml", xml,
                defaults.pmdOrigin(), defaults.pmdXml(), path -> Optional.of("<suppressions/>")));
    }

    private LintConfigException refusedPmd(String xml) {
        LintRules defaults = LintRules.defaults();
        return assertThrows(LintConfigException.class, () -> LintRules.fromRepository(defaults.checkstyleOrigin(),
                defaults.checkstyleXml(), "config/pmd.xml", xml, path -> Optional.of(pmd(""))));
    }

    @Test
    void aHeaderFileOutsideTheRepositoryIsRefusedNamingFileLineAndRule() {
        for (String outside : List.of("/proc/self/environ", canary.toString(), "../outside/secret.txt", "file://" + canary,
                "${basedir}/../outside/secret.txt", "jar:file:/x.jar!/a", "classpath:config/secret.txt")) {
            LintConfigException e = refusedCheckstyle(checkstyle(
                    "<module name=\"Header\">\n<property name=\"headerFile\" value=\"" + outside + "\"/>\n</module>"));
            assertTrue(e.getMessage().startsWith("config/checkstyle.xml line 5: module Header property headerFile"),
                    outside + " → " + e.getMessage());
            assertFalse(e.getMessage().contains(CANARY));
        }
    }

    @Test
    void suppressionImportControlAndUnknownFileLikePropertiesMayNotNameUrls() {
        for (String module : List.of("SuppressionFilter\"><property name=\"file\"", "SuppressionXpathFilter\"><property name=\"file\"",
                "TreeWalker\"><module name=\"ImportControl\"><property name=\"file\"", "SomeFutureCheck\"><property name=\"configUrl\"")) {
            String xml = checkstyle("<module name=\"" + module + " value=\"" + url + "\"/></module>"
                    + (module.contains("ImportControl") ? "</module>" : ""));
            LintConfigException e = refusedCheckstyle(xml);
            assertTrue(e.getMessage().contains("not a file inside the repository"), e.getMessage());
        }
    }

    @Test
    void cacheFileUnknownVariablesAndForeignModulesAreRefused() {
        assertTrue(refusedCheckstyle(checkstyle("<property name=\"cacheFile\" value=\"target/cache\"/>")).getMessage()
                .contains("write files"));
        assertTrue(refusedCheckstyle(checkstyle("<module name=\"Header\"><property name=\"header\" value=\"${user.home}\"/></module>"))
                .getMessage().contains("${user.home}"));
        assertTrue(refusedCheckstyle(checkstyle("<module name=\"org.example.Evil\"/>")).getMessage()
                .contains("not a Checkstyle module"));
    }

    @Test
    void doctypesOtherThanCheckstylesAreRefusedBeforeAnythingIsFetched() {
        for (String doctype : List.of("<!DOCTYPE module SYSTEM '" + url + "'>", "<!DOCTYPE module SYSTEM \"" + url + "\">",
                "<!DOCTYPE module PUBLIC 'x' '" + url + "'>", "<!DOCTYPE module [<!ENTITY e SYSTEM '" + url + "'>]>")) {
            LintConfigException e = refusedCheckstyle("<?xml version=\"1.0\"?>\n" + doctype + "\n<module name=\"Checker\"/>\n");
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        }
        LintConfigException entity = refusedCheckstyle("<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC "
                + "\"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" '" + url + "' [<!ENTITY e SYSTEM '" + url + "'>]>\n"
                + "<module name=\"Checker\">&e;</module>\n");
        assertTrue(entity.getMessage().contains("entity"), entity.getMessage());
    }

    @Test
    void checkstylesOwnPublicIdWithAForeignSystemIdLoadsWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" '"
                + url + "'>\n<module name=\"Checker\"><module name=\"TreeWalker\"><module name=\"EmptyStatement\"/></module></module>\n";
        LintRules defaults = LintRules.defaults();
        LintRules rules = new LintRules("config/checkstyle.xml", xml, defaults.pmdOrigin(), defaults.pmdXml());

        LintResult result = new LintEngine().lint(List.of(new SourceFile("A.java", "class A { void f() { ; } }\n")), rules);

        assertTrue(result.findings().stream().anyMatch(f -> f.rule().equals("EmptyStatement")), result.toString());
    }

    @Test
    void pmdRuleReferencesOutsideTheRepositoryAreRefused() {
        for (String ref : List.of(url, "/etc/passwd", "file:///etc/passwd", "../../etc/passwd.xml", "jar:file:/x!/r.xml")) {
            LintConfigException e = refusedPmd(pmd("<rule ref=\"" + ref + "\"/>"));
            assertTrue(e.getMessage().startsWith("config/pmd.xml line 4: rule " + ref), e.getMessage());
        }
        assertTrue(refusedPmd(pmd("<rule name=\"R\" language=\"java\" class=\"java.lang.ProcessBuilder\"/>")).getMessage()
                .contains("only PMD's own rule classes"));
    }

    @Test
    void xpathRulesThatReadFilesUrlsOrTheEnvironmentAreRefused() {
        for (String xpath : List.of("//MethodDeclaration[unparsed-text('file://" + canary + "') = 'x']",
                "//MethodDeclaration[unparsed-text-available('" + url + "')]",
                "//ClassDeclaration[doc('" + url + "')]",
                "//ClassDeclaration[fn:doc-available('" + url + "')]",
                "//ClassDeclaration[exists(collection())]",
                "//ClassDeclaration[environment-variable('GITHUB_WEBHOOK_SECRET') = 'x']",
                "//ClassDeclaration[Q{http://www.w3.org/2005/xpath-functions}unparsed-text('" + url + "')]",
                "//ClassDeclaration[function-lookup(xs:QName('fn:unparsed-text'), 1)('" + url + "')]",
                "let $f := unparsed-text#1 return //ClassDeclaration[$f('" + url + "')]",
                "//ClassDeclaration[json-doc('" + url + "')]",
                "//ClassDeclaration[saxon:eval('1')]")) {
            LintConfigException e = refusedPmd(xpathRule(xpath));
            assertTrue(e.getMessage().startsWith("config/pmd.xml line 4: rule Sneaky: the XPath"), xpath + " → " + e.getMessage());
        }
    }

    @Test
    void aStringThatOnlyMentionsAFunctionIsFine() {
        LintRules defaults = LintRules.defaults();
        LintRules rules = LintRules.fromRepository(defaults.checkstyleOrigin(), defaults.checkstyleXml(), "config/pmd.xml",
                xpathRule("//MethodDeclaration[@Name = 'doc' or @Name = 'collection'] (: unparsed-text is refused :)"),
                path -> Optional.empty());

        List<Finding> findings = new LintEngine().lint(List.of(new SourceFile("A.java",
                "class A {\n    void doc() {}\n    void other() {}\n}\n")), rules).findings();

        assertEquals(List.of(2), findings.stream().filter(f -> f.rule().equals("Sneaky")).map(Finding::line).toList());
    }

    @Test
    void filesInsideTheRepositoryWorkFromAnyWorkingDirectory() {
        Map<String, String> repository = Map.of(
                "config/header.txt", "// Copyright acme\n",
                "config/suppressions.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE suppressions PUBLIC "
                        + "\"-//Checkstyle//DTD SuppressionFilter Configuration 1.2//EN\" "
                        + "\"https://checkstyle.org/dtds/suppressions_1_2.dtd\">\n"
                        + "<suppressions><suppress files=\"Generated\\.java\" checks=\".*\"/></suppressions>\n",
                "config/team-pmd.xml", pmd("<rule ref=\"category/java/errorprone.xml/EmptyCatchBlock\"/>"));
        String checkstyle = checkstyle("<module name=\"Header\"><property name=\"headerFile\" value=\"${config_loc}/header.txt\"/>"
                + "</module>\n<module name=\"SuppressionFilter\"><property name=\"file\" value=\"config/suppressions.xml\"/></module>");
        LintRules rules = LintRules.fromRepository("config/checkstyle.xml", checkstyle, "config/pmd.xml",
                pmd("<rule ref=\"config/team-pmd.xml\"/>"), path -> Optional.ofNullable(repository.get(path)));

        String code = "class A {\n    void f() {\n        try {\n            f();\n        } catch (RuntimeException e) {\n        }\n    }\n}\n";
        List<Finding> findings = new LintEngine().lint(List.of(new SourceFile("src/A.java", code),
                new SourceFile("src/Generated.java", code)), rules).findings();

        assertTrue(findings.stream().anyMatch(f -> f.path().equals("src/A.java") && f.rule().equals("Header")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.path().equals("src/Generated.java") && f.rule().equals("Header")),
                "the suppressions file was read: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("EmptyCatchBlock")), "the referenced ruleset was loaded");
        assertFalse(findings.toString().contains(CANARY));
    }

    @Test
    void aFormTheChecksMissStillCannotMakeTheJdksXmlParsersFetchAnything() {
        new LintEngine();
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE module SYSTEM '" + url + "'>\n<module/>\n";

        Exception refused = assertThrows(Exception.class, () -> javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml))));

        assertTrue(refused.getMessage().contains("accessExternalDTD") || refused.getMessage().contains("External DTD"),
                refused.getMessage());
    }
}
