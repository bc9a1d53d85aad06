package dev.prharness.harness;

import java.time.Duration;

/**
 * What stops a run that does not stop by itself: turns, tokens (prompt + completion, all calls), wall clock.
 * {@code compactAtTokens} is the conversation size at which old tool results are summarised.
 */
public record HarnessLimits(int maxTurns, long maxTokensPerRun, Duration deadline, long compactAtTokens,
        int maxToolResultChars, long maxToolOutputCharsPerRun) {

    public static HarnessLimits defaults() {
        return new HarnessLimits(20, 400_000, Duration.ofMinutes(10), 60_000, 20_000, 400_000);
    }
}
