package dev.prharness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.prharness.diff.FilterMode;
import dev.prharness.diff.PathGlob;
import dev.prharness.instructions.TeamInstructions;
import dev.prharness.change.RepositoryPath;
import dev.prharness.lint.LintConfigException;
import dev.prharness.lint.LintRules;
import dev.prharness.review.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a repository review config (YAML). Ruleset paths are relative to the repository root and may not
 * leave it; they are read through a {@link RuleFileReader} so that a PR's config and rules come from the
 * same trusted commit. Unknown settings and bad values fail with the file, the setting and the fix.
 */
public final class ReviewConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Consumer<LintRules> loadRules;

    /**
     * {@code loadRules} loads a repository's rules into the linters that will run them (it throws
     * {@link LintConfigException} when they cannot), so a rule set that names an unknown check or a bad property
     * value is refused when the config is read, not half way through a review.
     */
    public ReviewConfigLoader(Consumer<LintRules> loadRules) {
        this.loadRules = loadRules;
    }

    public ReviewConfig load(String origin, String yaml, RuleFileReader rules) {
        Raw raw = parse(origin, yaml);
        if (raw == null) {
            return ReviewConfig.defaults();
        }
        ReviewConfig defaults = ReviewConfig.defaults();
        FilterMode filter = raw.filter == null ? defaults.filter() : value(origin, "filter", () -> FilterMode.parse(raw.filter));
        Severity minimum = raw.minSeverity == null ? defaults.minSeverity()
                : value(origin, "min_severity", () -> Severity.parse(raw.minSeverity));
        int cap = raw.maxInlineComments == null ? defaults.maxInlineComments() : raw.maxInlineComments;
        if (cap < 0 || cap > 100) {
            throw new ConfigException(origin + ": max_inline_comments is " + cap + "; use a number from 0 to 100");
        }
        return new ReviewConfig(
                raw.enabled == null || raw.enabled,
                filter,
                minimum,
                cap,
                raw.ignore == null ? List.of() : raw.ignore,
                lintRules(origin, raw.rules, rules),
                raw.instructions == null ? "" : raw.instructions,
                raw.reviewDrafts != null && raw.reviewDrafts,
                maxFiles(origin, raw.maxFiles),
                raw.onlyNew == null || raw.onlyNew,
                ignoreRules(origin, raw.ignoreRules),
                raw.resolveFixedThreads == null || raw.resolveFixedThreads,
                raw.instructionsFiles == null || raw.instructionsFiles,
                failOn(origin, raw.failOn),
                TeamInstructions.NONE);
    }

    /**
     * Rule names as the bot's comments show them ({@code EmptyCatchBlock}), or {@code {rule: NAME, paths: [GLOB, …]}} for
     * some paths only; anything else is a mistake worth naming.
     */
    private static List<IgnoredRule> ignoreRules(String origin, List<JsonNode> entries) {
        if (entries == null) {
            return List.of();
        }
        List<IgnoredRule> rules = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode name = entry != null && entry.isObject() ? entry.path("rule") : entry;
            String rule = name != null && name.isTextual() ? name.asText() : String.valueOf(name);
            if (name == null || !name.isTextual() || !rule.matches("[A-Za-z0-9_.+/-]{1,100}")) {
                throw new ConfigException(origin + ": ignore_rules: '" + rule + "' is not a rule name; list names as the "
                        + "bot's comments show them, e.g. ignore_rules: [EmptyCatchBlock], or {rule: EmptyCatchBlock, "
                        + "paths: [\"src/test/**\"]} for some paths");
            }
            List<String> paths = new ArrayList<>();
            if (entry.isObject()) {
                List<String> unknown = new ArrayList<>();
                entry.fieldNames().forEachRemaining(field -> {
                    if (!field.equals("rule") && !field.equals("paths")) {
                        unknown.add(field);
                    }
                });
                if (!unknown.isEmpty() || !entry.path("paths").isArray() || entry.path("paths").isEmpty()) {
                    throw new ConfigException(origin + ": ignore_rules: the entry for " + rule + " needs 'paths', a list of "
                            + "globs (and nothing else), e.g. {rule: " + rule + ", paths: [\"src/test/**\"]}");
                }
                for (JsonNode glob : entry.path("paths")) {
                    if (!glob.isTextual() || !PathGlob.valid(glob.asText())) {
                        throw new ConfigException(origin + ": ignore_rules: " + rule + ": '" + glob.asText(String.valueOf(glob))
                                + "' is not a path glob; use e.g. \"src/test/**\"");
                    }
                    paths.add(glob.asText());
                }
            }
            rules.add(new IgnoredRule(rule, paths));
        }
        return rules;
    }

    private static Optional<Severity> failOn(String origin, String value) {
        if (value == null || value.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(value(origin, "fail_on", () -> Severity.parse(value)));
    }

    private static int maxFiles(String origin, Integer value) {
        if (value == null) {
            return ReviewConfig.DEFAULT_MAX_FILES;
        }
        if (value < 1 || value > 3_000) {
            throw new ConfigException(origin + ": max_files is " + value + "; use a number from 1 to 3000");
        }
        return value;
    }

    private static Raw parse(String origin, String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return null;
        }
        try {
            return YAML.readValue(yaml, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(origin + ": unknown setting '" + e.getPropertyName() + "'; known settings: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + " is not valid pr-harness YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    private LintRules lintRules(String origin, RawRules raw, RuleFileReader reader) {
        LintRules defaults = LintRules.defaults();
        if (raw == null || (raw.checkstyle == null && raw.pmd == null)) {
            return defaults;
        }
        try {
            String checkstyleOrigin = raw.checkstyle == null ? defaults.checkstyleOrigin()
                    : insideRepository(origin, "rules.checkstyle", raw.checkstyle);
            String checkstyleXml = raw.checkstyle == null ? defaults.checkstyleXml()
                    : readRuleFile(origin, "rules.checkstyle", raw.checkstyle, reader);
            String pmdOrigin = raw.pmd == null ? defaults.pmdOrigin() : insideRepository(origin, "rules.pmd", raw.pmd);
            String pmdXml = raw.pmd == null ? defaults.pmdXml() : readRuleFile(origin, "rules.pmd", raw.pmd, reader);
            LintRules rules = LintRules.fromRepository(checkstyleOrigin, checkstyleXml, pmdOrigin, pmdXml,
                    path -> reader.read(path));
            loadRules.accept(rules);
            return rules;
        } catch (LintConfigException e) {
            throw new ConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    private static String readRuleFile(String origin, String setting, String path, RuleFileReader reader) {
        String normalised = insideRepository(origin, setting, path);
        return reader.read(normalised).orElseThrow(() -> new ConfigException(origin + ": " + setting + " names '" + path
                + "', which does not exist; give a path relative to the repository root"));
    }

    /** A repository-relative path with no way out: not absolute, no URL, no {@code ..} that climbs above the root. */
    static String insideRepository(String origin, String setting, String path) {
        return RepositoryPath.normalise(path).orElseThrow(() -> new ConfigException(origin + ": " + setting + " '" + path
                + "' points outside the repository; give a path relative to the repository root"));
    }

    private static <T> T value(String origin, String setting, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + ": " + setting + ": " + e.getMessage(), e);
        }
    }

    private record Raw(
            Boolean enabled,
            String filter,
            @JsonProperty("min_severity") String minSeverity,
            @JsonProperty("max_inline_comments") Integer maxInlineComments,
            List<String> ignore,
            RawRules rules,
            String instructions,
            @JsonProperty("review_drafts") Boolean reviewDrafts,
            @JsonProperty("max_files") Integer maxFiles,
            @JsonProperty("only_new") Boolean onlyNew,
            @JsonProperty("ignore_rules") List<JsonNode> ignoreRules,
            @JsonProperty("resolve_fixed_threads") Boolean resolveFixedThreads,
            @JsonProperty("instructions_files") Boolean instructionsFiles,
            @JsonProperty("fail_on") String failOn) {}

    private record RawRules(String checkstyle, String pmd) {}
}
