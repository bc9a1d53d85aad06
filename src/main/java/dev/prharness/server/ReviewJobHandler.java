package dev.prharness.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.github.GitHubPullRequests;
import dev.prharness.github.PullRequestRef;
import dev.prharness.pipeline.PullRequestReviewer;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.store.Job;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a review job: the pull request reviewed as the App's installation, whole or since the last review. */
public final class ReviewJobHandler implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewJobHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubAccess github;
    private final ReviewPipeline pipeline;
    private final Optional<String> botLogin;

    public ReviewJobHandler(GitHubAccess github, ReviewPipeline pipeline, Optional<String> botLogin) {
        this.github = github;
        this.pipeline = pipeline;
        this.botLogin = botLogin;
    }

    @Override
    public void handle(Job job) throws Exception {
        JsonNode payload = JSON.readTree(job.payload());
        PullRequestRef ref = JobHandler.pullRequestOf(job);
        GitHubPullRequests pulls = new GitHubPullRequests(github.forInstallation(job.installationId()));
        PullRequestReviewer.Outcome outcome = new PullRequestReviewer(pulls, pipeline, botLogin).review(ref,
                new PullRequestReviewer.Options(payload.path("full").asBoolean(false), false, Optional.empty(), true),
                ReviewProgress.SILENT);
        LOG.info("{}: {} {} inline comments posted", ref, outcome.scope(),
                outcome.reviewPosted() ? outcome.plan().inline().size() : 0);
    }
}
