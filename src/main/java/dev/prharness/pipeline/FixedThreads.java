package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.codehost.ReviewThread;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.FileDiff;
import dev.prharness.lint.LintEngine;
import dev.prharness.lint.SourceFile;
import dev.prharness.review.CommentMarkdown;
import dev.prharness.review.EquivalentRules;
import dev.prharness.review.Finding;
import dev.prharness.review.ReviewPlanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the bot's open threads are about a finding that is gone at the reviewed head. A thread counts when the bot
 * started it, it is not resolved, and no person is discussing it (a reply that is not a command leaves the thread to
 * the people in it). Its finding is gone when its file was deleted, when the commented line's code (whitespace aside)
 * is nowhere in the file any more, or, for a linter's finding, when the linter no longer finds that rule on any line
 * with that code. A model's finding on code still there stands: only the model could judge it again. Files the
 * reviewed commits did not touch are not read: nothing in them changed.
 */
final class FixedThreads {

    /** A thread whose finding is gone, and why, in a few words. */
    record Fixed(ReviewThread thread, String why) {

        /**
         * The one-line reply that resolves it. Only a linter that no longer finds its rule is called a fix: a changed line
         * may carry the same problem on in edited code (on real history, 1 of 15 such resolutions did), which the review
         * of the new commits then comments on anew.
         */
        String reply(String commit) {
            return switch (why) {
                case REMOVED -> "The file was removed in " + commit + "; resolving this thread.";
                case CHANGED -> "The commented line changed in " + commit + "; resolving this thread (if the problem is "
                        + "still there in the new code, the review of " + commit + " comments on it anew).";
                default -> "Fixed in " + commit + " (" + why + "); resolving this thread.";
            };
        }
    }

    static final String REMOVED = "the file was removed";
    static final String CHANGED = "the commented code changed";

    /**
     * The bot's open threads: those whose finding is gone and are resolved now, how many still stand, and how many more
     * are fixed but left open for now (each resolution is two writes, and GitHub's secondary rate limit counts writes:
     * at most {@value #MAX_RESOLVED} a review; a later review that touches their files, or {@code /review full},
     * resolves them).
     */
    record Judged(List<Fixed> fixed, int open, int deferred) {

        static final Judged NONE = new Judged(List.of(), 0, 0);
    }

    static final int MAX_RESOLVED = 20;

    /** What the bot writes in a thread it resolves, so a re-run after a crash resolves without replying again. */
    static final String MARKER = CommentMarkdown.MARKER_PREFIX + "resolved -->";

    private final LintEngine engine;

    FixedThreads(LintEngine engine) {
        this.engine = engine;
    }

    Judged judge(List<ReviewThread> threads, String botLogin, ChangeSet change, ReviewConfig config) {
        Set<String> touched = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (FileDiff file : change.diff().files()) {
            if (file.newPath() == null) {
                deleted.add(file.oldPath());
            } else {
                touched.add(file.newPath());
                if (file.oldPath() != null && !file.oldPath().equals(file.newPath())) {
                    deleted.add(file.oldPath()); // renamed away: the thread's path is gone
                }
            }
        }
        List<Fixed> fixed = new ArrayList<>();
        int open = 0;
        for (ReviewThread thread : threads) {
            if (!isOpenBotThread(thread, botLogin)) {
                continue;
            }
            Optional<String> why = deleted.contains(thread.path()) ? Optional.of(REMOVED)
                    : touched.contains(thread.path()) ? gone(thread, change, config) : Optional.empty();
            if (why.isPresent()) {
                fixed.add(new Fixed(thread, why.get()));
            } else {
                open++;
            }
        }
        return new Judged(List.copyOf(fixed.subList(0, Math.min(MAX_RESOLVED, fixed.size()))), open,
                Math.max(0, fixed.size() - MAX_RESOLVED));
    }

    private static boolean isOpenBotThread(ReviewThread thread, String botLogin) {
        if (thread.resolved() || thread.comments().isEmpty() || !thread.first().author().equalsIgnoreCase(botLogin)
                || ReviewPlanner.fingerprintsIn(List.of(thread.first().body())).isEmpty()) {
            return false;
        }
        // A person's words in the thread (not a command such as /ask or /ignore) leave it to the people in it.
        return thread.replies().stream().noneMatch(r -> !r.bot() && !r.author().equalsIgnoreCase(botLogin)
                && !r.body().strip().startsWith("/") && !r.body().strip().startsWith("@"));
    }

    private Optional<String> gone(ReviewThread thread, ChangeSet change, ReviewConfig config) {
        Optional<String> code = thread.first().commentedCode().map(FixedThreads::code);
        if (code.isEmpty() || code.get().isEmpty()) {
            return Optional.empty(); // a comment on a removed line, or on a blank one: nothing to look for
        }
        Optional<String> text = change.readAtHead(thread.path());
        if (text.isEmpty()) {
            return Optional.of(REMOVED);
        }
        String[] lines = text.get().split("\n", -1);
        List<Integer> withCode = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (code(lines[i]).equals(code.get())) {
                withCode.add(i + 1);
            }
        }
        if (withCode.isEmpty()) {
            return Optional.of(CHANGED);
        }
        String[] rule = CommentMarkdown.ruleOf(thread.first().body()).orElse(new String[] {"model", ""});
        if (rule[0].equals("model") || !LintEngine.canLint(thread.path())) {
            return Optional.empty();
        }
        List<Finding> findings = engine.lint(List.of(new SourceFile(thread.path(), text.get())), config.rules()).findings();
        boolean stands = findings.stream().anyMatch(f -> EquivalentRules.same(f.rule(), rule[1]) && withCode.contains(f.line()));
        return stands ? Optional.empty() : Optional.of(rule[0] + " no longer finds `" + rule[1] + "` there");
    }

    private static String code(String line) {
        return line.replaceAll("\\s+", "");
    }
}
