package dev.prharness.harness;

import java.time.Duration;

/**
 * What stops a run that does not stop by itself: turns, tokens (prompt + completion, all calls), wall clock.
 * {@code compactAtTokens} is the conversation size at which old tool results are summarised;
 * {@code keepToolResultsTurns} how many turns a tool result stays in the conversation before it is replaced by a
 * one-line note saying how to get it again (0: never).
 */
public record HarnessLimits(int maxTurns, long maxTokensPerRun, Duration deadline, long compactAtTokens,
        int maxToolResultChars, long maxToolOutputCharsPerRun, int keepToolResultsTurns) {

    /** The fewest turns one part of a review gets: list, read, comment, submit, and two to spare. */
    static final int MIN_TURNS_PER_PART = 6;

    public static HarnessLimits defaults() {
        return new HarnessLimits(20, 400_000, Duration.ofMinutes(10), 60_000, 20_000, 400_000, 3);
    }

    /**
     * The limits of one of {@code parts} loops that review a change together: a share of the tokens and of the tool
     * output, a share of the turns but never fewer than {@link #MIN_TURNS_PER_PART}; the same wall clock, since the
     * parts run at the same time.
     */
    public HarnessLimits share(int parts) {
        if (parts <= 1) {
            return this;
        }
        return new HarnessLimits(Math.max(MIN_TURNS_PER_PART, (maxTurns + parts - 1) / parts), maxTokensPerRun / parts,
                deadline, compactAtTokens, maxToolResultChars, maxToolOutputCharsPerRun / parts, keepToolResultsTurns);
    }
}
