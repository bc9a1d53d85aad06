package dev.prharness.store;

/**
 * A job to enqueue. {@code supersedes}: when true, queued jobs of the same kind for the same pull request
 * are dropped (a newer push makes an older queued review pointless).
 */
public record NewJob(String deliveryId, String kind, String repository, int pullRequest, long installationId,
        String payload, boolean supersedes) {}
