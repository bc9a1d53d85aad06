package dev.prharness.pipeline;

import dev.prharness.change.ChangeSet;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.codehost.ExistingComment;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.ReviewThread;
import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.Diff;
import dev.prharness.diff.Side;
import dev.prharness.events.EventLog;
import dev.prharness.feedback.Feedback;
import dev.prharness.feedback.FeedbackCollector;
import dev.prharness.feedback.FeedbackLedger;
import dev.prharness.instructions.InstructionFiles;
import dev.prharness.instructions.TeamInstructions;
import dev.prharness.review.FileNote;
import dev.prharness.review.Review;
import dev.prharness.review.ReviewComment;
import dev.prharness.review.ReviewPlan;
import dev.prharness.review.ReviewPlanner;
import dev.prharness.review.ReviewStats;
import dev.prharness.review.Severity;
import dev.prharness.review.Silence;
import dev.prharness.review.SummaryComment;
import dev.prharness.review.SummaryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One review of a GitHub pull request, top to bottom: read the PR and the repository's config (from the
 * default branch), decide what to review (everything, or only what is new since the last reviewed head),
 * run the review without what maintainers silenced, keep only comments GitHub will place, leave out what is
 * already on the PR, cap, and post one review plus the summary comment, then resolve the bot's threads whose
 * finding is gone — or, dry, only say what would be posted.
 */
public final class PullRequestReviewer {

    private final CodeHost host;
    private final ReviewPipeline pipeline;
    private final Optional<String> botLogin;

    /** {@code botLogin}: who the bot posts as; when unknown, no comment on the pull request counts as the bot's. */
    public PullRequestReviewer(CodeHost host, ReviewPipeline pipeline, Optional<String> botLogin) {
        this.host = host;
        this.pipeline = pipeline;
        this.botLogin = botLogin;
    }

    /**
     * What to do: review everything ({@code full}), only plan ({@code dryRun}), a config to use instead of the
     * repository's, and whether a draft is left alone unless the repository's config says to review drafts.
     */
    public record Options(boolean full, boolean dryRun, Optional<ReviewConfig> configOverride, boolean skipDrafts,
            String configPath, boolean checkRun, Optional<Severity> failOn) {

        public Options(boolean full, boolean dryRun, Optional<ReviewConfig> configOverride, boolean skipDrafts) {
            this(full, dryRun, configOverride, skipDrafts, RepositoryConfig.PATH);
        }

        public Options(boolean full, boolean dryRun, Optional<ReviewConfig> configOverride, boolean skipDrafts,
                String configPath) {
            this(full, dryRun, configOverride, skipDrafts, configPath, false, Optional.empty());
        }

        /** The same, keeping a check run on the head commit; {@code failOn} overrides the repository's {@code fail_on}. */
        public Options withCheckRun(Optional<Severity> failOn) {
            return new Options(full, dryRun, configOverride, skipDrafts, configPath, true, failOn);
        }
    }

    /** What happened: the review, the plan, and whether a review and the summary were posted. */
    public record Outcome(Review review, ReviewPlan plan, boolean reviewPosted, boolean summaryWritten, String scope) {}

    /**
     * Everything up to posting: the review and exactly what would be posted. {@code summaryCommentId} is the
     * bot's existing summary comment; {@code actionable} is false when the review was skipped (disabled, draft).
     */
    public record Planned(PullRequestRef ref, Review review, ReviewPlan plan, Optional<Long> summaryCommentId,
            String scope, boolean actionable, List<FixedThreads.Fixed> fixedThreads, ReviewCheck check) {}

    /** Reviews the pull request and posts the result (or, with {@code dryRun}, only plans it). */
    public Outcome review(PullRequestRef ref, Options options, ReviewProgress progress) {
        Planned planned = plan(ref, options, progress);
        if (options.dryRun() || !planned.actionable()) {
            return new Outcome(planned.review(), planned.plan(), false, false, planned.scope());
        }
        return publish(planned, progress);
    }

    public Planned plan(PullRequestRef ref, Options options, ReviewProgress progress) {
        progress.step("reading " + ref);
        PullRequest pr = host.read(ref);
        ReviewCheck check = new ReviewCheck(host, ref, options.checkRun() && !options.dryRun());
        try {
            Planned planned = plan(pr, options, progress, check);
            if (!planned.actionable()) {
                check.start(pr.headSha());
                check.complete(ReviewCheck.notDone(planned.scope()));
            }
            return planned;
        } catch (RuntimeException e) {
            check.complete(ReviewCheck.failed(e));
            throw e;
        }
    }

    private Planned plan(PullRequest pr, Options options, ReviewProgress progress, ReviewCheck check) {
        PullRequestRef ref = pr.ref();
        List<String> problems = new ArrayList<>();
        ReviewConfig config = options.configOverride()
                .orElseGet(() -> RepositoryConfig.load(host, pr, problems, options.configPath(), pipeline.configLoader()));
        if (!config.enabled()) {
            return nothingDone(pr, "Reviews are disabled for this repository (enabled: false in " + RepositoryConfig.PATH + ").",
                    check);
        }
        if (options.skipDrafts() && pr.draft() && !config.reviewDrafts()) {
            return nothingDone(pr, "Draft pull request: not reviewed (set review_drafts: true in " + RepositoryConfig.PATH
                    + " to review drafts).", check);
        }
        List<ExistingComment> mine = ownComments(host.comments(ref));
        Optional<ExistingComment> summary = mine.stream()
                .filter(c -> c.kind() == ExistingComment.Kind.ISSUE_COMMENT && SummaryComment.isSummary(c.body()))
                .findFirst();

        Range range = range(pr, summary.flatMap(s -> SummaryComment.lastReviewedHead(s.body())), options.full());
        if (range.change() != null) {
            check.start(pr.headSha());
        }
        if (range.change() != null && config.instructionsFiles() && pipeline.hasModel()) {
            config = config.withTeamInstructions(teamInstructions(pr, range.change(), problems));
        }
        List<ReviewThread> threads = range.change() == null ? List.of() : threads(ref);
        List<Silence> silences = range.change() == null ? List.of() : silences(ref, mine, threads);
        Review review = range.change() == null
                ? emptyReview(pr)
                : pipeline.run(range.change(), config, progress, silences);
        Review placed = onlyWhatGitHubPlaces(review, new Diff(pr.files()), !review.baseSha().equals(pr.baseSha()));
        FixedThreads.Judged judged = range.change() == null || botLogin.isEmpty() || !config.resolveFixedThreads()
                ? FixedThreads.Judged.NONE
                : pipeline.fixedThreads().judge(threads, botLogin.get(), range.change(), config);

        Set<String> posted = ReviewPlanner.fingerprintsIn(mine.stream().map(ExistingComment::body).toList());
        String scopeLine = range.description() + threadsLine(judged, pr.headSha(), options.dryRun());
        String summaryText = SummaryComment.render(scopeLine, placed.summary(), String.join("\n", problems), pr.headSha());
        ReviewPlan plan = new ReviewPlanner().plan(placed, posted, config.maxInlineComments(), summaryText);
        if (range.change() != null) {
            check.conclude(ReviewCheck.of(placed, scopeLine, options.failOn().or(config::failOn)));
        }
        return new Planned(ref, placed, plan, summary.map(ExistingComment::id), range.description(), true, judged.fixed(),
                check);
    }

    /** The summary's count of the bot's threads: how many are fixed (and resolved) at this head, how many stand. */
    private static String threadsLine(FixedThreads.Judged judged, String headSha, boolean dryRun) {
        if (judged.fixed().isEmpty() && judged.open() == 0) {
            return "";
        }
        return " Threads the bot started: " + judged.fixed().size() + " fixed or changed at " + shortSha(headSha)
                + (dryRun ? " (would be resolved)" : " and resolved") + ", " + judged.open() + " still open"
                + (judged.deferred() == 0 ? "." : ", " + judged.deferred() + " more fixed, left open for now (`/review full` "
                + "resolves them).");
    }

    /**
     * Posts a planned review and writes the summary comment. Comments are checked against the diff before they
     * are posted, so a refusal means the host's view of the diff differs from ours: read the pull request's files
     * once more, move what no longer places into the body, and post again; if that is refused too, post the
     * review with every comment in its body. Three review posts at the most.
     */
    public Outcome publish(Planned planned, ReviewProgress progress) {
        try {
            Outcome outcome = post(planned, progress);
            planned.check().complete();
            return outcome;
        } catch (RuntimeException e) {
            planned.check().complete(ReviewCheck.failed(e));
            throw e;
        }
    }

    private Outcome post(Planned planned, ReviewProgress progress) {
        ReviewPlan plan = planned.plan();
        boolean reviewPosted = false;
        if (plan.hasReview()) {
            progress.step("posting the review");
            ReviewPlanner planner = new ReviewPlanner();
            CodeHost.PostOutcome outcome = host.postReview(planned.ref(), plan);
            if (!outcome.posted()) {
                Diff fresh = new Diff(host.read(planned.ref()).files());
                List<ReviewPlan.InlineComment> misplaced = plan.inline().stream()
                        .filter(c -> !fresh.check(c.path(), c.startLine(), c.line(), c.side()).accepted()).toList();
                plan = planner.moveToBody(planned.review(), plan, misplaced);
                outcome = host.postReview(planned.ref(), plan);
            }
            if (!outcome.posted()) {
                plan = planner.moveToBody(planned.review(), planned.plan(), planned.plan().inline());
                outcome = host.postReview(planned.ref(), plan);
            }
            reviewPosted = outcome.posted();
        }
        if (planned.summaryCommentId().isPresent()) {
            host.editComment(planned.ref(), planned.summaryCommentId().get(), plan.summaryComment());
        } else {
            host.createComment(planned.ref(), plan.summaryComment());
        }
        resolve(planned);
        return new Outcome(planned.review(), plan, reviewPosted, true, planned.scope());
    }

    /**
     * Resolves the threads whose finding is gone, each with a one-line reply naming the commit (once: a reply already
     * there from an earlier attempt is not written again). A thread that cannot be resolved (the token may not, the
     * thread went away) stays open and is tried again at the next review.
     */
    private void resolve(Planned planned) {
        String head = shortSha(planned.review().headSha());
        for (FixedThreads.Fixed fixed : planned.fixedThreads()) {
            ReviewThread thread = fixed.thread();
            try {
                boolean replied = thread.replies().stream().anyMatch(r -> r.body().contains(FixedThreads.MARKER));
                if (!replied) {
                    host.replyInThread(planned.ref(), thread.first().id(), fixed.reply(head) + "\n\n" + FixedThreads.MARKER);
                }
                host.resolveThread(planned.ref(), thread.id());
                EventLog.emit("thread_resolved", "pull_request", planned.ref().toString(), "thread", thread.id(),
                        "path", thread.path(), "why", fixed.why());
            } catch (CodeHostException e) {
                EventLog.emit("thread_unresolved", "pull_request", planned.ref().toString(), "thread", thread.id(),
                        "status", e.status(), "error", e.getMessage());
            }
        }
    }

    /**
     * The team's instruction files that apply to the files under review, from the default branch (never the pull
     * request's head); when they cannot be read now, none, and the summary says so.
     */
    private TeamInstructions teamInstructions(PullRequest pr, ChangeSet change, List<String> problems) {
        try {
            return InstructionFiles.forChange(new DefaultBranchInstructions(host, pr), change.diff());
        } catch (CodeHostException e) {
            problems.add("The team's instruction files (AGENTS.md and the like) could not be read from " + pr.defaultBranch()
                    + " (" + e.getMessage() + "); the review went on without them.");
            return TeamInstructions.NONE;
        }
    }

    /** The pull request's review threads; none when the bot cannot tell its own or the host cannot list them now. */
    private List<ReviewThread> threads(PullRequestRef ref) {
        if (botLogin.isEmpty()) {
            return List.of();
        }
        try {
            return host.reviewThreads(ref);
        } catch (CodeHostException e) {
            // Threads that cannot be read now are read at the next review; the review itself goes on.
            EventLog.emit("threads_unread", "pull_request", ref.toString(), "error", e.getMessage());
            return List.of();
        }
    }

    /**
     * The findings maintainers silenced: the feedback on the bot's comments here (reactions, and gestures in its threads)
     * is read and kept (the server keeps it for every pull request of the repository), and every disagreement of someone
     * who may write silences until taken back.
     */
    private List<Silence> silences(PullRequestRef ref, List<ExistingComment> mine, List<ReviewThread> threads) {
        FeedbackLedger ledger = pipeline.feedbackLedger();
        List<Feedback> feedback = new ArrayList<>();
        FeedbackCollector collector = new FeedbackCollector(host, ref);
        try {
            feedback.addAll(collector.reactions(mine));
            botLogin.ifPresent(login -> feedback.addAll(collector.threads(threads, login)));
        } catch (CodeHostException e) {
            // Reactions that cannot be read now are read at the next review; the review itself goes on.
            EventLog.emit("feedback_unread", "pull_request", ref.toString(), "error", e.getMessage());
        }
        ledger.record(feedback);
        return ledger.silences(ref.repository(), feedback);
    }

    /** The change to review and a line saying what it is; a null change means nothing new to review. */
    private record Range(ChangeSet change, String description) {}

    private Range range(PullRequest pr, Optional<String> reviewedHead, boolean full) {
        String whole = "Reviewed the whole pull request (" + shortSha(pr.baseSha()) + ".." + shortSha(pr.headSha()) + ")";
        if (full || reviewedHead.isEmpty()) {
            return new Range(PullRequestChange.whole(host, pr), whole + (full ? ", as asked." : "."));
        }
        String last = reviewedHead.get();
        if (last.equals(pr.headSha())) {
            return new Range(null, "No new commits since the last review of " + shortSha(last) + ".");
        }
        CodeHost.Comparison comparison = host.compare(pr.ref(), last, pr.headSha());
        if (comparison.cut()) {
            return new Range(PullRequestChange.whole(host, pr), whole + ": the " + comparison.files().size()
                    + " or more files since the last review are more than a comparison lists, so the whole pull request "
                    + "was reviewed again.");
        }
        if (comparison.status().equals("ahead")) {
            return new Range(PullRequestChange.since(host, pr, last, comparison.files()),
                    "Reviewed the commits since the last review (" + shortSha(last) + ".." + shortSha(pr.headSha()) + ").");
        }
        if (comparison.status().equals("identical")) {
            return new Range(null, "No new changes since the last review of " + shortSha(last) + ".");
        }
        return new Range(PullRequestChange.whole(host, pr),
                whole + ": the last reviewed commit " + shortSha(last) + " is no longer in its history (force-push).");
    }

    /**
     * Only this bot's comments count: anyone could write a marker into a comment of their own. When the bot's
     * login is unknown, none does (the bot then writes a new summary rather than edit someone else's comment).
     */
    private List<ExistingComment> ownComments(List<ExistingComment> all) {
        return all.stream()
                .filter(c -> botLogin.map(login -> login.equalsIgnoreCase(c.author())).orElse(false))
                .toList();
    }

    /**
     * Comments on lines the pull request's own diff shows stay; the rest become notes (an incremental diff can
     * differ). After an incremental review a LEFT line number counts in the last reviewed commit, not in the
     * pull request's base, so such comments become notes too rather than land on the wrong line.
     */
    private static Review onlyWhatGitHubPlaces(Review review, Diff prDiff, boolean incremental) {
        List<ReviewComment> placeable = new ArrayList<>();
        List<FileNote> notes = new ArrayList<>(review.fileNotes());
        for (ReviewComment c : review.comments()) {
            boolean sameNumbering = !incremental || c.side() == Side.RIGHT;
            if (sameNumbering && prDiff.check(c.path(), c.startLine(), c.line(), c.side()).accepted()) {
                placeable.add(c);
            } else {
                notes.add(new FileNote(c.path(), c.line(), c.severity(), c.source(), c.rule(), c.message()));
            }
        }
        return new Review(review.baseSha(), review.headSha(), review.summary(), placeable, notes, review.skippedFiles(),
                review.stats(), review.shortfalls());
    }

    private static Planned nothingDone(PullRequest pr, String why, ReviewCheck check) {
        Review none = emptyReview(pr);
        return new Planned(pr.ref(), none, new ReviewPlanner().plan(none, Set.of(), 0, ""), Optional.empty(), why, false,
                List.of(), check);
    }

    private static Review emptyReview(PullRequest pr) {
        var stats = new ReviewStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        String summary = new SummaryWriter().write(pr.baseSha(), pr.headSha(), "", List.of(), List.of(), List.of(), List.of(), stats);
        return new Review(pr.baseSha(), pr.headSha(), summary, List.of(), List.of(), List.of(), stats, List.of());
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}
