package dev.prharness.cli;

import dev.prharness.config.BotSettings;
import dev.prharness.config.ReviewConfig;
import dev.prharness.github.GitHubAuth;
import dev.prharness.github.GitHubConnection;
import dev.prharness.github.GitHubPullRequests;
import dev.prharness.github.PullRequestRef;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.PullRequestReviewer;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.review.OutputFormat;
import dev.prharness.review.PlanReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pr-harness review-pr OWNER/REPO#N}: review one GitHub pull request and post the review. */
@Command(name = "review-pr", mixinStandardHelpOptions = true,
        description = "Review one GitHub pull request and post the review (one COMMENT review and a summary comment).")
final class ReviewPrCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PULL_REQUEST", description = "OWNER/REPO#N or the pull request's URL.")
    String pullRequest;

    @Mixin
    ReviewOptions options;

    @Option(names = "--dry-run", description = "Print exactly what would be posted; post nothing.")
    boolean dryRun;

    @Option(names = "--full", description = "Review the whole pull request, not just the commits since the last review.")
    boolean full;

    ReviewPrCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PullRequestRef ref = parseRef();
        OutputFormat outputFormat = options.outputFormat();
        FailOn threshold = options.failOn();
        String token = context.variable("GITHUB_TOKEN").orElseThrow(() -> new UsageException(
                "GITHUB_TOKEN is not set; set it to a token that can read the repository and write pull request "
                        + "reviews and comments (or use --dry-run with a read-only token)"));
        String apiUrl = context.variable("GITHUB_API_URL").orElse(GitHubConnection.DEFAULT_API_URL);
        Optional<ReviewConfig> override = options.configFile();

        BotSettings settings = ModelSetup.botSettings(context);
        LintEngine lintEngine = new LintEngine();
        ReviewPipeline pipeline = new ReviewPipeline(new LinterReview(lintEngine),
                ModelSetup.reviewer(context, options.noAi, settings, lintEngine));
        GitHubPullRequests github = new GitHubPullRequests(GitHubConnection.open(apiUrl, new GitHubAuth.Token(token), ref.toString()));
        Optional<String> login = context.variable("PR_HARNESS_BOT_LOGIN").or(github::login)
                .or(() -> context.variable("GITHUB_ACTIONS").map(v -> "github-actions[bot]"));

        ProgressLine progress = new ProgressLine(context.err(), context.terminal());
        PullRequestReviewer.Outcome outcome;
        try {
            outcome = new PullRequestReviewer(github, pipeline, login)
                    .review(ref, new PullRequestReviewer.Options(full, dryRun, override, false), progress);
        } finally {
            progress.clear();
        }
        if (dryRun && (outputFormat == OutputFormat.TEXT || outputFormat == OutputFormat.MARKDOWN)) {
            context.out().print(new PlanReport().render(outcome.plan()));
        } else {
            context.out().print(outputFormat.renderer(false).render(outcome.review()));
        }
        context.out().flush();
        context.err().println("pr-harness: " + outcome.scope() + " " + (dryRun ? "Dry run: nothing posted."
                : (outcome.reviewPosted() ? "Posted a review with " + outcome.plan().inline().size() + " inline comments"
                        : "No new comments to post") + (outcome.summaryWritten() ? "; summary comment updated." : ".")));
        return threshold.exitCode(outcome.review());
    }

    private PullRequestRef parseRef() {
        try {
            return PullRequestRef.parse(pullRequest);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
