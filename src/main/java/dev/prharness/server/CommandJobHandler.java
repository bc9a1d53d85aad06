package dev.prharness.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.commands.CommandRunner;
import dev.prharness.github.GitHubPullRequests;
import dev.prharness.github.PullRequestRef;
import dev.prharness.store.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a comment-command job as the App's installation. */
public final class CommandJobHandler implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandJobHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubAccess github;
    private final CommandRunner commands;

    public CommandJobHandler(GitHubAccess github, CommandRunner commands) {
        this.github = github;
        this.commands = commands;
    }

    @Override
    public void handle(Job job) throws Exception {
        JsonNode payload = JSON.readTree(job.payload());
        PullRequestRef ref = JobHandler.pullRequestOf(job);
        CommandRunner.Result result = commands.run(new GitHubPullRequests(github.forInstallation(job.installationId())), ref,
                new CommandRunner.Comment(payload.path("comment_id").asLong(), payload.path("body").asText(),
                        payload.path("user").asText(), payload.path("user_type").asText()));
        LOG.info("{}: command from @{}: {}", ref, payload.path("user").asText(), result);
    }
}
