package dev.prharness.aireview;

import dev.prharness.config.BotSettings;
import dev.prharness.harness.HarnessLimits;
import java.time.Duration;

/**
 * The harness limits of one review, from how many files on the cheap model triages, and from how many deep-review
 * files on a review is split into loops that run at the same time (at most {@code maxParallelLoops}).
 */
public record HarnessSettings(HarnessLimits limits, int triageMinFiles, int parallelThresholdFiles, int maxParallelLoops) {

    public static HarnessSettings from(BotSettings.Harness harness) {
        return new HarnessSettings(new HarnessLimits(harness.maxTurns(), harness.maxTokensPerRun(),
                Duration.ofSeconds(harness.deadlineSeconds()), harness.compactAtTokens(), harness.maxToolResultChars(),
                harness.maxToolOutputCharsPerRun(), harness.keepToolResultsTurns()), harness.triageMinFiles(),
                harness.parallelThresholdFiles(), harness.maxParallelLoops());
    }
}
