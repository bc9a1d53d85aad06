package dev.prharness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The bot's non-secret settings ({@code config/pr-harness.yml}): model defaults, prices, harness limits.
 * Field names are the YAML keys.
 */
public record BotSettings(Models models, Map<String, Price> prices, Harness harness, Budgets budgets, Server server,
        Commands commands) {

    /** Defaults for the strong and cheap models, and how they are called. */
    public record Models(
            Role strong,
            Role cheap,
            @JsonProperty("max_retries") int maxRetries,
            @JsonProperty("max_tokens_field") String maxTokensField,
            @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
            Map<String, Profile> profiles) {}

    /**
     * What one model family's endpoint accepts, by name prefix: a reasoning model takes no temperature and no
     * parallel_tool_calls and caps output with max_completion_tokens; the other fields override the defaults.
     */
    public record Profile(
            Boolean reasoning,
            @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
            @JsonProperty("max_tokens_field") String maxTokensField) {}

    /**
     * One model role: name (may be null), temperature (null: not sent), output cap, timeout; for reasoning models the
     * effort (null: not sent) and the tokens they may reason with on top of the output cap.
     */
    public record Role(
            String name,
            Double temperature,
            @JsonProperty("max_output_tokens") long maxOutputTokens,
            @JsonProperty("timeout_seconds") int timeoutSeconds,
            @JsonProperty("reasoning_effort") String reasoningEffort,
            @JsonProperty("reasoning_tokens") long reasoningTokens) {

        public Role {
            if (reasoningEffort != null && !java.util.Set.of("minimal", "low", "medium", "high").contains(reasoningEffort)) {
                throw new ConfigException("models.*.reasoning_effort '" + reasoningEffort
                        + "' is not one of minimal, low, medium, high (or null: not sent)");
            }
            if (reasoningTokens < 0) {
                throw new ConfigException("models.*.reasoning_tokens is " + reasoningTokens + "; use 0 or more");
            }
        }
    }

    /** USD per million tokens; {@code cachedInput}: prompt tokens served from the provider's cache (null: as input). */
    public record Price(double input, double output, @JsonProperty("cached_input") Double cachedInput) {}

    /**
     * What the model may cost, in USD (null: no limit): one review, one repository per day (UTC), one installation per
     * calendar month (UTC). The last two are counted in the job store, so only the server keeps them.
     */
    public record Budgets(
            @JsonProperty("per_review_usd") Double perReviewUsd,
            @JsonProperty("per_repository_per_day_usd") Double perRepositoryPerDayUsd,
            @JsonProperty("per_installation_per_month_usd") Double perInstallationPerMonthUsd) {

        public Budgets {
            for (Double value : java.util.Arrays.asList(perReviewUsd, perRepositoryPerDayUsd, perInstallationPerMonthUsd)) {
                if (value != null && !(value >= 0)) {
                    throw new ConfigException("budgets: " + value + " is not an amount in USD; use 0 or more, or null for no limit");
                }
            }
        }
    }

    /** The webhook server: workers, leases, retries, shutdown. */
    public record Server(
            int concurrency,
            @JsonProperty("lease_seconds") int leaseSeconds,
            @JsonProperty("poll_millis") int pollMillis,
            @JsonProperty("max_attempts") int maxAttempts,
            @JsonProperty("retry_backoff_seconds") int retryBackoffSeconds,
            @JsonProperty("shutdown_grace_seconds") int shutdownGraceSeconds,
            @JsonProperty("retention_days") int retentionDays,
            @JsonProperty("bot_login") String botLogin) {

        public Server {
            if (retentionDays < 1) {
                throw new ConfigException("server.retention_days is " + retentionDays + "; use 1 or more (days)");
            }
        }
    }

    /** Abuse limits of comment commands. */
    public record Commands(
            @JsonProperty("max_per_user_per_hour") int maxPerUserPerHour,
            @JsonProperty("max_per_pr_per_hour") int maxPerPrPerHour) {}

    /** Limits of one review run. */
    public record Harness(
            @JsonProperty("max_turns") int maxTurns,
            @JsonProperty("max_tokens_per_run") long maxTokensPerRun,
            @JsonProperty("deadline_seconds") int deadlineSeconds,
            @JsonProperty("compact_at_tokens") long compactAtTokens,
            @JsonProperty("max_tool_result_chars") int maxToolResultChars,
            @JsonProperty("max_tool_output_chars_per_run") long maxToolOutputCharsPerRun,
            @JsonProperty("triage_min_files") int triageMinFiles,
            @JsonProperty("tool_cache_mb") int toolCacheMb,
            @JsonProperty("keep_tool_results_turns") int keepToolResultsTurns,
            @JsonProperty("parallel_threshold_files") int parallelThresholdFiles,
            @JsonProperty("max_parallel_loops") int maxParallelLoops) {

        public Harness {
            if (maxParallelLoops < 1) {
                throw new ConfigException("harness.max_parallel_loops is " + maxParallelLoops + "; use 1 or more (1: one loop)");
            }
            if (parallelThresholdFiles < 2) {
                throw new ConfigException("harness.parallel_threshold_files is " + parallelThresholdFiles + "; use 2 or more");
            }
        }
    }
}
