package dev.prharness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The bot's non-secret settings ({@code config/pr-harness.yml}): model defaults, prices, harness limits.
 * Field names are the YAML keys.
 */
public record BotSettings(Models models, Map<String, Price> prices, Harness harness, Server server, Commands commands) {

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

    /** One model role: name (may be null), temperature (null: not sent), output cap, timeout. */
    public record Role(
            String name,
            Double temperature,
            @JsonProperty("max_output_tokens") long maxOutputTokens,
            @JsonProperty("timeout_seconds") int timeoutSeconds) {}

    /** USD per million tokens. */
    public record Price(double input, double output) {}

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
            @JsonProperty("tool_cache_mb") int toolCacheMb) {}
}
