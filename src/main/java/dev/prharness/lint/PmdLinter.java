package dev.prharness.lint;

import dev.prharness.review.Finding;
import dev.prharness.review.Severity;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.rule.RulePriority;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * PMD with its ruleset parsed once (re-parsing costs about half a second per analysis). Files are handed to
 * PMD from memory. Priority 1–2 is an error, 3 a warning, 4–5 info.
 */
final class PmdLinter implements Linter {

    /** The newest Java PMD knows that is not a preview; PMD's own default is a preview version. */
    private static final List<String> JAVA_VERSIONS = List.of("25", "24", "23", "22", "21");

    private final RuleSet ruleSet;
    private final LanguageVersion javaVersion;

    /** Loads the checked ruleset; rulesets it refers to are read from a sandbox that holds only them. */
    PmdLinter(LintRules rules) {
        String origin = rules.pmdOrigin();
        javaVersion = JAVA_VERSIONS.stream()
                .map(v -> LanguageRegistry.PMD.getLanguageVersionById("java", v))
                .filter(v -> v != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("PMD on the classpath knows no Java 21 or later"));
        try (RuleSandbox sandbox = RuleSandbox.forPmd(rules.pmdFiles())) {
            String xml = PmdRulesetCheck.check(origin, rules.pmdXml(), sandbox::place).xml();
            ruleSet = RuleSetLoader.fromPmdConfig(configuration()).warnDeprecated(false).loadFromString(origin, xml);
        } catch (LintConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LintConfigException(origin + " is not a usable PMD ruleset: " + e.getMessage(), e);
        }
        if (ruleSet.getRules().isEmpty()) {
            throw new LintConfigException(origin + " has no rules; name at least one rule or leave PMD rules unset.");
        }
    }

    @Override
    public String name() {
        return "pmd";
    }

    /**
     * Not for two threads at once: PMD's rule instances keep state while they run. {@link LintEngine} hands each
     * instance to one thread at a time ({@link InstancePool}).
     */
    @Override
    public LintResult lint(List<SourceFile> files) {
        if (files.isEmpty()) {
            return LintResult.empty();
        }
        List<Finding> findings = new ArrayList<>();
        List<LintFailure> failures = new ArrayList<>();
        try (PmdAnalysis analysis = PmdAnalysis.create(configuration())) {
            analysis.addRuleSet(ruleSet);
            for (SourceFile file : files) {
                analysis.files().addSourceFile(FileId.fromPathLikeString(file.path()), file.content());
            }
            Report report = analysis.performAnalysisAndCollectReport();
            for (RuleViolation violation : report.getViolations()) {
                // A violation spans its whole node (a catch block, a method); the comment belongs where it starts.
                String rule = violation.getRule().getName();
                findings.add(Finding.of(violation.getFileId().getOriginalPath(), Math.max(1, violation.getBeginLine()),
                        severity(violation.getRule().getPriority()), name(), rule, violation.getDescription())
                        .withHelp(RuleGuide.pmd(rule, violation.getRule().getExternalInfoUrl())));
            }
            for (Report.ProcessingError error : report.getProcessingErrors()) {
                failures.add(new LintFailure(error.getFileId().getOriginalPath(), name(), error.getMsg()));
            }
        }
        return new LintResult(findings, failures, files.size(), 0);
    }

    private PMDConfiguration configuration() {
        PMDConfiguration configuration = new PMDConfiguration();
        configuration.setDefaultLanguageVersion(javaVersion);
        configuration.setIgnoreIncrementalAnalysis(true);
        configuration.setMinimumPriority(RulePriority.LOW);
        configuration.setThreads(0);
        return configuration;
    }

    private static Severity severity(RulePriority priority) {
        return switch (priority) {
            case HIGH, MEDIUM_HIGH -> Severity.ERROR;
            case MEDIUM -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }
}
