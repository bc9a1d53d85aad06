package dev.prharness.review;

import java.time.Instant;

/** A maintainer silenced the finding with this fingerprint ({@code by}, {@code since}): it is not commented again. */
public record Silence(String fingerprint, String by, Instant since) {

    /** A comment the review leaves out because of a silence, kept for the summary. */
    public record Silenced(ReviewComment comment, Silence silence) {}
}
