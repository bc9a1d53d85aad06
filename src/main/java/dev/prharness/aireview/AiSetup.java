package dev.prharness.aireview;

import dev.prharness.harness.Harness;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.ToolResultCache;
import dev.prharness.lint.LintEngine;

/** What every use of the model shares: the client, the loop with its limits, the tool cache and the linters. */
public record AiSetup(ModelClient client, Harness harness, HarnessSettings settings, ToolResultCache cache,
        LintEngine lintEngine) {}
