package dev.prharness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.diff.FilterMode;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.LintRules;
import dev.prharness.review.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewConfigLoaderTest {

    private final ReviewConfigLoader loader = new ReviewConfigLoader(new LintEngine()::prepare);
    private static final RuleFileReader NO_FILES = path -> Optional.empty();

    @Test
    void everySettingIsRead() {
        String pmd = LintRules.defaults().pmdXml().replace("pr-harness default", "team rules");
        ReviewConfig config = loader.load("cfg.yml", """
                enabled: false
                filter: diff_context
                min_severity: warning
                max_inline_comments: 5
                ignore: ["**/generated/**", "*.min.js"]
                rules:
                  pmd: build/pmd.xml
                instructions: Focus on concurrency.
                review_drafts: true
                """, path -> Optional.ofNullable(Map.of("build/pmd.xml", pmd).get(path)));
        assertFalse(config.enabled());
        assertEquals(FilterMode.DIFF_CONTEXT, config.filter());
        assertEquals(Severity.WARNING, config.minSeverity());
        assertEquals(5, config.maxInlineComments());
        assertEquals("build/pmd.xml", config.rules().pmdOrigin());
        assertEquals(pmd, config.rules().pmdXml());
        assertEquals(LintRules.defaults().checkstyleXml(), config.rules().checkstyleXml(), "unset rules keep the defaults");
        assertEquals("Focus on concurrency.", config.instructions());
        assertTrue(config.reviewDrafts());
        assertEquals(Optional.of("**/generated/**"), config.ignoredBy("src/generated/A.java"));
        assertEquals(Optional.of("*.min.js"), config.ignoredBy("web/app.min.js"));
        assertEquals(Optional.empty(), config.ignoredBy("src/A.java"));
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        assertEquals(ReviewConfig.defaults(), loader.load("cfg.yml", "  \n", NO_FILES));
    }

    @Test
    void anUnknownSettingNamesItselfAndTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "filtr: added\n", NO_FILES));
        assertTrue(e.getMessage().contains("unknown setting 'filtr'") && e.getMessage().contains("filter"), e.getMessage());
    }

    @Test
    void badValuesSayWhatIsAllowed() {
        ConfigException filter = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "filter: everything\n", NO_FILES));
        assertTrue(filter.getMessage().contains("added, diff_context, file or nofilter"), filter.getMessage());
        ConfigException cap = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "max_inline_comments: 500\n", NO_FILES));
        assertTrue(cap.getMessage().contains("0 to 100"), cap.getMessage());
        ConfigException yaml = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "filter: [\n", NO_FILES));
        assertTrue(yaml.getMessage().startsWith("cfg.yml is not valid"), yaml.getMessage());
    }

    @Test
    void rulesOutsideTheRepositoryAreRefused() {
        for (String path : new String[] {"../../etc/checkstyle.xml", "/etc/passwd", "a/../../x.xml", "https://x/y.xml"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> loader.load("cfg.yml", "rules:\n  checkstyle: \"" + path + "\"\n", p -> Optional.of("x")));
            assertTrue(e.getMessage().contains("points outside the repository"), path + ": " + e.getMessage());
        }
    }

    @Test
    void aMissingRulesFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load("cfg.yml", "rules:\n  pmd: config/pmd.xml\n", NO_FILES));
        assertTrue(e.getMessage().contains("'config/pmd.xml', which does not exist"), e.getMessage());
    }

    @Test
    void anUnsafeRulesFileIsRefusedWithTheConfigName() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "rules:\n  pmd: p.xml\n",
                p -> Optional.of("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r/>")));
        assertTrue(e.getMessage().startsWith("cfg.yml: p.xml line 1: the DOCTYPE is refused"), e.getMessage());
    }

    @Test
    void ignoredRulesMayBeLimitedToPathsAndMistakesAreNamed() {
        ReviewConfig config = loader.load("cfg.yml", """
                ignore_rules:
                  - EmptyCatchBlock
                  - rule: AvoidDuplicateLiterals
                    paths: ["src/test/**", "*.sql"]
                fail_on: warning
                resolve_fixed_threads: false
                instructions_files: false
                """, NO_FILES);
        assertEquals(List.of(new IgnoredRule("EmptyCatchBlock", List.of()),
                new IgnoredRule("AvoidDuplicateLiterals", List.of("src/test/**", "*.sql"))), config.ignoreRules());
        assertEquals(Optional.of(Severity.WARNING), config.failOn());
        assertTrue(!config.resolveFixedThreads() && !config.instructionsFiles());

        ConfigException noPaths = assertThrows(ConfigException.class, () -> loader.load("cfg.yml",
                "ignore_rules:\n  - rule: EmptyCatchBlock\n", NO_FILES));
        assertTrue(noPaths.getMessage().contains("the entry for EmptyCatchBlock needs 'paths'"), noPaths.getMessage());
        ConfigException badGlob = assertThrows(ConfigException.class, () -> loader.load("cfg.yml",
                "ignore_rules:\n  - {rule: EmptyCatchBlock, paths: [\"src/[a\"]}\n", NO_FILES));
        assertTrue(badGlob.getMessage().contains("'src/[a' is not a path glob"), badGlob.getMessage());
        ConfigException badLevel = assertThrows(ConfigException.class, () -> loader.load("cfg.yml", "fail_on: sometimes\n", NO_FILES));
        assertTrue(badLevel.getMessage().contains("fail_on"), badLevel.getMessage());
    }
}
