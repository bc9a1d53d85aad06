package dev.prharness.server;

import dev.prharness.store.Job;

/**
 * Runs a stored job. Throwing means the attempt failed; {@link FailurePolicy} decides whether to retry.
 * {@code lease} is asked right before anything is posted: a job another replica took over posts nothing.
 */
@FunctionalInterface
public interface JobHandler {

    void handle(Job job, LeaseCheck lease) throws Exception;
}
