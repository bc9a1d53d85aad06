package dev.prharness.commands;

import java.time.Duration;

/**
 * Hourly limits on commands, per user and per pull request, and the rule that a reader who tries a command
 * gets at most one polite reply per pull request per hour. Counted by a {@link UsageCounter}: in the job store
 * for the server, so replicas share one count.
 */
public final class CommandLimits {

    public static final Duration WINDOW = Duration.ofHours(1);

    private final int perUser;
    private final int perPullRequest;
    private final UsageCounter counter;

    public CommandLimits(int perUser, int perPullRequest, UsageCounter counter) {
        this.perUser = perUser;
        this.perPullRequest = perPullRequest;
        this.counter = counter;
    }

    /** Counts the command; false when the user or the pull request has used up its hour. */
    public boolean allow(String user, String pullRequest) {
        int byUser = counter.record("user:" + user, WINDOW);
        int byPr = counter.record("pr:" + pullRequest, WINDOW);
        return byUser <= perUser && byPr <= perPullRequest;
    }

    /** True the first time in an hour for this pull request: whether a polite refusal may be posted. */
    public boolean mayTellReader(String pullRequest) {
        return counter.record("told-reader:" + pullRequest, WINDOW) == 1;
    }
}
