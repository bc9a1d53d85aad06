package dev.prharness.pipeline;

import dev.prharness.change.TextContent;
import dev.prharness.config.ConfigException;
import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.github.GitHubPullRequests;
import dev.prharness.github.PullRequest;
import java.util.List;
import java.util.Optional;

/**
 * A repository's review config, {@code .github/pr-harness.yml}, and the rules it names, read from the
 * default branch: never from the pull request, which could otherwise change how it is reviewed.
 */
public final class RepositoryConfig {

    public static final String PATH = ".github/pr-harness.yml";

    private RepositoryConfig() {}

    /** The config, or the defaults with a line in {@code problems} saying what was wrong with it. */
    public static ReviewConfig load(GitHubPullRequests github, PullRequest pr, List<String> problems) {
        Optional<String> yaml = github.fileAt(pr.ref(), PATH, pr.defaultBranch()).flatMap(TextContent::decode);
        if (yaml.isEmpty()) {
            return ReviewConfig.defaults();
        }
        try {
            return new ReviewConfigLoader().load(PATH + " on " + pr.defaultBranch(), yaml.get(),
                    path -> github.fileAt(pr.ref(), path, pr.defaultBranch()).flatMap(TextContent::decode));
        } catch (ConfigException e) {
            problems.add("The repository config is invalid, so the defaults were used: " + e.getMessage());
            return ReviewConfig.defaults();
        }
    }
}
