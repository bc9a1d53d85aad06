package dev.prharness.aireview;

import dev.prharness.config.BotSettings;
import dev.prharness.harness.HarnessLimits;
import java.time.Duration;

/** The harness limits of one review and from how many files on the cheap model triages. */
public record HarnessSettings(HarnessLimits limits, int triageMinFiles) {

    public static HarnessSettings from(BotSettings.Harness harness) {
        return new HarnessSettings(new HarnessLimits(harness.maxTurns(), harness.maxTokensPerRun(),
                Duration.ofSeconds(harness.deadlineSeconds()), harness.compactAtTokens(), harness.maxToolResultChars(),
                harness.maxToolOutputCharsPerRun()), harness.triageMinFiles());
    }
}
