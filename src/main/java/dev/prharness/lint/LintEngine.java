package dev.prharness.lint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.prharness.review.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs Checkstyle and PMD in-process on Java files, the two at the same time. Warm linters are kept per ruleset,
 * a few of each ({@code instances}, one per review that may run at once), and results are cached per (path,
 * content hash, ruleset hash), so re-linting an unchanged file costs nothing. Safe to share between threads.
 */
public final class LintEngine {

    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::source)
            .thenComparing(f -> f.rule() == null ? "" : f.rule());

    static {
        // Belt and braces under the rule-file checks: the JDK's XML parsers, which Checkstyle and PMD use, may
        // fetch no external DTD, schema or stylesheet in this process (Checkstyle's own DTDs come from its jar).
        System.setProperty("javax.xml.accessExternalDTD", "");
        System.setProperty("javax.xml.accessExternalSchema", "");
        System.setProperty("javax.xml.accessExternalStylesheet", "");
    }

    private final int instances;
    /** Cheap to make: a pool only holds its factory until a linter is needed (none is built inside the cache). */
    private final Cache<String, LinterPools> linters = Caffeine.newBuilder().maximumSize(16).build();
    private final Cache<FileKey, LintResult> results = Caffeine.newBuilder().maximumSize(20_000).build();

    /** One warm pair of linters per ruleset: for one review at a time (the CLI, the Action). */
    public LintEngine() {
        this(1);
    }

    /** Up to {@code instances} warm pairs per ruleset, so that many reviews lint at the same time. */
    public LintEngine(int instances) {
        this.instances = instances;
    }

    /** Whether the linters know the language of {@code path}; other files are reviewed by the model only. */
    public static boolean canLint(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".java");
    }

    /** Loads the rules into a linter of each kind, so a bad config fails before any work is done. */
    public void prepare(LintRules rules) {
        LinterPools pools = poolsFor(rules);
        pools.checkstyle().with(linter -> linter);
        pools.pmd().with(linter -> linter);
    }

    /** Lints the Java files among {@code files}; findings come sorted by path, line, source and rule. */
    public LintResult lint(List<SourceFile> files, LintRules rules) {
        LintResult result = lintUnsorted(files, rules);
        return new LintResult(result.findings().stream().sorted(FINDING_ORDER).toList(), result.failures(),
                result.filesLinted(), result.cacheHits());
    }

    private LintResult lintUnsorted(List<SourceFile> files, LintRules rules) {
        String rulesHash = rules.hash();
        LintResult total = LintResult.empty();
        List<SourceFile> misses = new ArrayList<>();
        List<FileKey> missKeys = new ArrayList<>();
        for (SourceFile file : files) {
            if (!canLint(file.path())) {
                continue;
            }
            FileKey key = new FileKey(file.path(), ContentHash.of(file.content()), rulesHash);
            LintResult cached = results.getIfPresent(key);
            if (cached != null) {
                total = total.plus(new LintResult(cached.findings(), cached.failures(), 1, 1));
            } else {
                misses.add(file);
                missKeys.add(key);
            }
        }
        if (misses.isEmpty()) {
            return total;
        }
        LintResult linted = bothAtOnce(poolsFor(rules), misses);
        Map<String, String[]> linesOf = new HashMap<>();
        misses.forEach(f -> linesOf.put(f.path(), f.content().split("\n", -1)));
        LintResult fresh = new LintResult(linted.findings().stream()
                .map(f -> linesOf.containsKey(f.path()) ? MechanicalFix.apply(f, linesOf.get(f.path())) : f).toList(),
                linted.failures(), linted.filesLinted(), linted.cacheHits());
        for (int i = 0; i < misses.size(); i++) {
            String path = misses.get(i).path();
            results.put(missKeys.get(i), new LintResult(
                    fresh.findings().stream().filter(f -> f.path().equals(path)).toList(),
                    fresh.failures().stream().filter(f -> f.path().equals(path)).toList(), 1, 0));
        }
        return total.plus(new LintResult(fresh.findings(), fresh.failures(), misses.size(), 0));
    }

    /** Checkstyle on a thread of its own while PMD runs on this one: a review's wall time is the slower of the two. */
    private static LintResult bothAtOnce(LinterPools pools, List<SourceFile> files) {
        FutureTask<LintResult> checkstyle = new FutureTask<>(() -> pools.checkstyle().with(linter -> linter.lint(files)));
        Thread.ofVirtual().name("checkstyle").start(checkstyle);
        LintResult pmd = pools.pmd().with(linter -> linter.lint(files));
        try {
            return checkstyle.get().plus(pmd);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Checkstyle failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            checkstyle.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Checkstyle ran", e);
        }
    }

    private LinterPools poolsFor(LintRules rules) {
        return linters.get(rules.hash(), hash -> new LinterPools(
                new InstancePool<>(instances, () -> new CheckstyleLinter(rules)),
                new InstancePool<>(instances, () -> new PmdLinter(rules))));
    }

    private record LinterPools(InstancePool<CheckstyleLinter> checkstyle, InstancePool<PmdLinter> pmd) {}

    private record FileKey(String path, String contentHash, String rulesHash) {}
}
