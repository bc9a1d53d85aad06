package dev.prharness.commands;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hourly limits on commands, per user and per pull request, and the rule that a reader who tries a command
 * gets at most one polite reply per pull request per hour. Counted in this process.
 */
public final class CommandLimits {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perUser;
    private final int perPullRequest;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder().expireAfterWrite(WINDOW).build();
    private final Cache<String, Boolean> notified = Caffeine.newBuilder().expireAfterWrite(WINDOW).build();

    public CommandLimits(int perUser, int perPullRequest) {
        this.perUser = perUser;
        this.perPullRequest = perPullRequest;
    }

    /** Counts the command; false when the user or the pull request has used up its hour. */
    public boolean allow(String user, String pullRequest) {
        int byUser = counts.get("user:" + user, k -> new AtomicInteger()).incrementAndGet();
        int byPr = counts.get("pr:" + pullRequest, k -> new AtomicInteger()).incrementAndGet();
        return byUser <= perUser && byPr <= perPullRequest;
    }

    /** True the first time in an hour for this pull request: whether a polite refusal may be posted. */
    public boolean mayTellReader(String pullRequest) {
        return notified.asMap().putIfAbsent(pullRequest, Boolean.TRUE) == null;
    }
}
