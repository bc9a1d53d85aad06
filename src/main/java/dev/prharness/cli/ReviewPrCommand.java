package dev.prharness.cli;

import dev.prharness.app.CompositionRoot;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.config.ReviewConfig;
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
        CompositionRoot root = context.root();
        ReviewPipeline pipeline = root.reviewPipeline(options.noAi);
        Optional<ReviewConfig> override = options.configFile(pipeline.configLoader());
        CompositionRoot.HostSession github = root.gitHubWithToken(token, ref.toString());

        ProgressLine progress = new ProgressLine(context.err(), context.terminal());
        PullRequestReviewer.Outcome outcome;
        try {
            outcome = new PullRequestReviewer(github.host(), pipeline, github.botLogin())
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
                : (outcome.reviewPosted() ? "Posted a review with " + dev.prharness.review.Plural.count(outcome.plan().inline().size(), "inline comment")
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
