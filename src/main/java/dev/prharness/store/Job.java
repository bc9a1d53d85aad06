package dev.prharness.store;

/**
 * One unit of work from a webhook delivery: a review or a command for one pull request. {@code payload} is
 * the job's own JSON (what to do), {@code attempts} counts runs started, and the lease says which worker
 * holds it until when; the times are epoch milliseconds.
 */
public record Job(
        long id,
        String deliveryId,
        String kind,
        String repository,
        int pullRequest,
        long installationId,
        String payload,
        JobStatus status,
        int attempts,
        String leaseOwner,
        long leaseUntilMillis,
        String lastError,
        long createdMillis,
        long updatedMillis) {}
