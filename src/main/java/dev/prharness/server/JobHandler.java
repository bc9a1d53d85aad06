package dev.prharness.server;

import dev.prharness.store.Job;

/** Runs a stored job. Throwing means the attempt failed; {@link FailurePolicy} decides whether to retry. */
@FunctionalInterface
public interface JobHandler {

    void handle(Job job) throws Exception;
}
