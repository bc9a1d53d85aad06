package dev.prharness.model;

import dev.prharness.config.BotSettings;
import dev.prharness.config.ConfigException;
import dev.prharness.harness.ModelRole;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the model: endpoint, key, one set of options per role, retries and prices. Built from the
 * environment (SPEC §3) over the bot settings. The key is held here only to hand it to the client.
 */
public record ModelSettings(String baseUrl, String apiKey, Role strong, Role cheap, int maxRetries,
        boolean useMaxCompletionTokens, Boolean parallelToolCalls, Map<String, BotSettings.Profile> profiles,
        PriceTable prices) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * The options of one role: model name, temperature (null: not sent), output cap, timeout, and for reasoning
     * models the effort (null: not sent) and the reasoning tokens allowed on top of the output cap.
     */
    public record Role(String model, Double temperature, long maxOutputTokens, Duration timeout, String reasoningEffort,
            long reasoningTokens) {}

    public Role role(ModelRole role) {
        return role == ModelRole.STRONG ? strong : cheap;
    }

    /**
     * What a request to {@code model} may carry: its family's profile over the defaults. A reasoning model takes no
     * temperature and no parallel_tool_calls, caps its output with max_completion_tokens (which counts its reasoning
     * too), and may be given a reasoning effort.
     */
    public record Request(boolean reasoning, boolean sendTemperature, Optional<Boolean> parallelToolCalls,
            boolean maxCompletionTokens) {}

    public Request requestFor(String model) {
        BotSettings.Profile profile = profiles.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(new BotSettings.Profile(false, null, null));
        boolean reasoning = Boolean.TRUE.equals(profile.reasoning());
        Optional<Boolean> parallel = reasoning ? Optional.empty()
                : Optional.ofNullable(profile.parallelToolCalls() != null ? profile.parallelToolCalls() : parallelToolCalls);
        boolean completionTokens = reasoning || (profile.maxTokensField() != null
                ? useMaxCompletionTokens(profile.maxTokensField(), URI.create(baseUrl)) : useMaxCompletionTokens);
        return new Request(reasoning, !reasoning, parallel, completionTokens);
    }

    /** The settings when {@code OPENAI_API_KEY} is set; empty when it is not (linters-only review). */
    public static Optional<ModelSettings> fromEnvironment(Map<String, String> env, BotSettings settings) {
        String key = value(env, "OPENAI_API_KEY");
        if (key == null) {
            return Optional.empty();
        }
        String baseUrl = Optional.ofNullable(value(env, "OPENAI_BASE_URL")).orElse(DEFAULT_BASE_URL);
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("OPENAI_BASE_URL '" + baseUrl + "' is not a URL; use e.g. " + DEFAULT_BASE_URL, e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new ConfigException("OPENAI_BASE_URL '" + baseUrl + "' must be an http(s) URL, e.g. " + DEFAULT_BASE_URL);
        }
        BotSettings.Models models = settings.models();
        String strongName = Optional.ofNullable(value(env, "PR_HARNESS_MODEL")).orElse(models.strong().name());
        if (strongName == null || strongName.isBlank()) {
            throw new ConfigException("no model name: set PR_HARNESS_MODEL (or models.strong.name in PR_HARNESS_CONFIG)");
        }
        String cheapName = Optional.ofNullable(value(env, "PR_HARNESS_CHEAP_MODEL"))
                .or(() -> Optional.ofNullable(models.cheap().name()))
                .orElse(strongName);
        return Optional.of(new ModelSettings(baseUrl, key,
                role(strongName, models.strong()), role(cheapName, models.cheap()), models.maxRetries(),
                useMaxCompletionTokens(models.maxTokensField(), uri), models.parallelToolCalls(),
                models.profiles() == null ? Map.of() : Map.copyOf(models.profiles()), new PriceTable(settings.prices())));
    }

    private static Role role(String name, BotSettings.Role settings) {
        return new Role(name, settings.temperature(), settings.maxOutputTokens(), Duration.ofSeconds(settings.timeoutSeconds()),
                settings.reasoningEffort(), settings.reasoningTokens());
    }

    private static boolean useMaxCompletionTokens(String field, URI uri) {
        return switch (field == null ? "auto" : field) {
            case "max_completion_tokens" -> true;
            case "max_tokens" -> false;
            case "auto" -> uri.getHost().endsWith("openai.com") || uri.getHost().endsWith(".azure.com");
            default -> throw new ConfigException("models.max_tokens_field '" + field
                    + "' is not one of auto, max_completion_tokens, max_tokens");
        };
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ModelSettings[baseUrl=" + baseUrl + ", strong=" + strong + ", cheap=" + cheap + ", maxRetries="
                + maxRetries + ", apiKey=(redacted)]";
    }
}
