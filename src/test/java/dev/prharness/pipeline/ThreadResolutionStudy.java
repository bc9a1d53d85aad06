package dev.prharness.pipeline;

import dev.prharness.codehost.ReviewThread;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.DiffCache;
import dev.prharness.diff.FileDiff;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.SourceFile;
import dev.prharness.review.CommentMarkdown;
import dev.prharness.review.EquivalentRules;
import dev.prharness.review.Review;
import dev.prharness.review.ReviewComment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the bot's threads would be judged on real history (not a test; run by hand, results in BENCHMARKS.md). For each of
 * the last N first-parent commits of a clone, the linters-only review of the commit against its parent gives the bot's
 * threads; each thread is judged at the next commit that touches its file (the next push that could fix it) exactly as
 * a review of that push judges it. Each resolution is then checked: does the same rule still flag the code that
 * replaced the commented line (within 3 lines of it)? Such a resolution is churn, not a fix: the finding moved with an
 * edit, and the review of that push comments on it anew.
 *
 * <p>{@code java -cp … dev.prharness.pipeline.ThreadResolutionStudy /path/to/clone 300}
 */
public final class ThreadResolutionStudy {

    private ThreadResolutionStudy() {}

    public static void main(String[] args) {
        GitRepository git = GitRepository.open(Path.of(args[0]));
        int commits = Integer.parseInt(args[1]);
        List<String> history = run(args[0], "git", "log", "--first-parent", "--format=%H", "-n", String.valueOf(commits + 1))
                .lines().toList().reversed();
        LintEngine engine = new LintEngine();
        ReviewPipeline linters = new ReviewPipeline(new LinterReview(engine), Optional.empty());
        ReviewConfig config = ReviewConfig.defaults();
        FixedThreads judge = new FixedThreads(engine);
        DiffCache cache = new DiffCache();
        Map<String, Integer> outcomes = new TreeMap<>();
        int threads = 0;
        for (int i = 1; i < history.size(); i++) {
            String parent = history.get(i - 1);
            String commit = history.get(i);
            Review review;
            try {
                review = linters.run(LocalChange.of(git, parent, commit, cache), config, ReviewProgress.SILENT);
            } catch (dev.prharness.git.GitException e) {
                outcomes.merge("commits skipped: an object missing from the mirror", 1, Integer::sum);
                continue;
            }
            for (ReviewComment comment : review.comments()) {
                Optional<String> next = nextTouching(args[0], history, i, comment.path());
                if (next.isEmpty()) {
                    outcomes.merge("no later commit touches the file", 1, Integer::sum);
                    continue;
                }
                threads++;
                String[] lines = text(git, commit, comment.path()).split("\n", -1);
                String code = lines[comment.line() - 1];
                String body = CommentMarkdown.body(comment);
                ReviewThread thread = new ReviewThread("t" + threads, false, "", comment.path(), List.of(
                        new ReviewThread.Comment(threads, "bot", true, body, Instant.EPOCH, "@@ -1 +1 @@\n+" + code)));
                LocalChange push;
                FixedThreads.Judged judged;
                try {
                    push = LocalChange.of(git, commit, next.get(), cache);
                    judged = judge.judge(List.of(thread), "bot", push, config);
                } catch (dev.prharness.git.GitException e) {
                    outcomes.merge("threads skipped: an object missing from the mirror", 1, Integer::sum);
                    continue;
                }
                if (judged.fixed().isEmpty()) {
                    outcomes.merge("stands", 1, Integer::sum);
                    continue;
                }
                String why = judged.fixed().get(0).why();
                String kind = why.startsWith("the file") ? "resolved: file removed or renamed"
                        : why.startsWith("the commented code") ? "resolved: commented code changed"
                        : "resolved: linter no longer finds it";
                outcomes.merge(kind, 1, Integer::sum);
                if (args.length > 2 && args[2].equals("--list")) {
                    System.out.printf("%s %s %s:%d %s | %s | at %s: %s%n", kind, commit.substring(0, 9), comment.path(),
                            comment.line(), comment.rule(), code.strip(), next.get().substring(0, 9), why);
                }
                if (!why.startsWith("the file") && stillFlaggedNearby(engine, config, git, push, comment)) {
                    outcomes.merge("  of which churn (same rule on the edited code nearby)", 1, Integer::sum);
                }
            }
        }
        System.out.println("commits: " + (history.size() - 1) + ", threads judged at a later push: " + threads);
        outcomes.forEach((k, v) -> System.out.printf("%-58s %5d%n", k, v));
    }

    /** Whether the same rule flags a line of the new version within 3 lines of where the commented line was. */
    private static boolean stillFlaggedNearby(LintEngine engine, ReviewConfig config, GitRepository git, LocalChange push,
            ReviewComment comment) {
        String after = text(git, push.headSha(), comment.path());
        if (after.isEmpty()) {
            return false;
        }
        int moved = newLineOf(push, comment.path(), comment.line());
        return engine.lint(List.of(new SourceFile(comment.path(), after)), config.rules()).findings().stream()
                .anyMatch(f -> EquivalentRules.same(f.rule(), comment.rule()) && Math.abs(f.line() - moved) <= 3);
    }

    /** Where an old line number lands in the new version: shifted by the hunks above it. */
    private static int newLineOf(LocalChange push, String path, int oldLine) {
        Optional<FileDiff> file = push.diff().file(path);
        int shift = 0;
        if (file.isPresent()) {
            for (var hunk : file.get().hunks()) {
                if (hunk.oldStart() + hunk.oldCount() <= oldLine) {
                    shift += hunk.newCount() - hunk.oldCount();
                }
            }
        }
        return oldLine + shift;
    }

    private static Optional<String> nextTouching(String repo, List<String> history, int from, String path) {
        for (int j = from + 1; j < history.size(); j++) {
            if (!run(repo, "git", "diff", "--name-only", history.get(j - 1), history.get(j), "--", path).isBlank()) {
                return Optional.of(history.get(j));
            }
        }
        return Optional.empty();
    }

    private static String text(GitRepository git, String commit, String path) {
        return git.fileAt(commit, path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    private static String run(String dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(Path.of(dir).toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
