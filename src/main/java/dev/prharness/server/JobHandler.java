package dev.prharness.server;

import dev.prharness.github.PullRequestRef;
import dev.prharness.store.Job;

/** Runs one kind of job. Throwing means the attempt failed; {@link FailurePolicy} decides whether to retry. */
@FunctionalInterface
public interface JobHandler {

    void handle(Job job) throws Exception;

    /** The pull request a job is about. */
    static PullRequestRef pullRequestOf(Job job) {
        String[] repository = job.repository().split("/", 2);
        return new PullRequestRef(repository[0], repository[1], job.pullRequest());
    }
}
