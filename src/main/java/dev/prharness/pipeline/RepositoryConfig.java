package dev.prharness.pipeline;

import dev.prharness.change.TextContent;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.PullRequest;
import dev.prharness.config.ConfigException;
import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import java.util.List;
import java.util.Optional;

/**
 * A repository's review config, {@code .github/pr-harness.yml}, and the rules it names, read from the
 * default branch: never from the pull request, which could otherwise change how it is reviewed.
 */
public final class RepositoryConfig {

    public static final String PATH = ".github/pr-harness.yml";

    private RepositoryConfig() {}

    /**
     * The config at {@code path} of the default branch, its rules loaded by {@code loader}; or the defaults with
     * a line in {@code problems} saying what was wrong with it (the YAML, or a rule set the linters refused).
     */
    public static ReviewConfig load(CodeHost host, PullRequest pr, List<String> problems, String path,
            ReviewConfigLoader loader) {
        Optional<String> yaml = host.fileAt(pr.ref(), path, pr.defaultBranch()).flatMap(TextContent::decode);
        if (yaml.isEmpty()) {
            if (!path.equals(PATH)) {
                problems.add("The config " + path + " does not exist on " + pr.defaultBranch() + ", so the defaults were used.");
            }
            return ReviewConfig.defaults();
        }
        try {
            return loader.load(path + " on " + pr.defaultBranch(), yaml.get(),
                    rules -> host.fileAt(pr.ref(), rules, pr.defaultBranch()).flatMap(TextContent::decode));
        } catch (ConfigException e) {
            problems.add("The repository config is invalid, so the defaults were used: " + e.getMessage());
            return ReviewConfig.defaults();
        }
    }
}
