package dev.prharness.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --format sarif} output: SARIF 2.1.0 with one run, as GitHub code scanning accepts it. Rule ids
 * are {@code source/rule}; each result carries the line-independent fingerprint as a partial fingerprint.
 */
public final class SarifReport implements ReviewRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String VERSION = SarifReport.class.getPackage().getImplementationVersion() == null
            ? "dev"
            : SarifReport.class.getPackage().getImplementationVersion();

    @Override
    public String render(Review review) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "pr-harness");
        driver.put("version", VERSION);
        driver.put("informationUri", "https://github.com/pr-harness/pr-harness");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        for (ReviewComment c : review.comments()) {
            ObjectNode result = result(results, rules, ruleIndex, c.source(), c.rule(), c.severity(), c.message(),
                    c.path(), c.startLine() == null ? c.line() : c.startLine(), c.line());
            describe(rules.get(result.get("ruleIndex").asInt()), c.help());
            if (c.suggestion() != null) {
                fix(result, c);
            }
            result.putObject("partialFingerprints").put("prHarness/v1", c.fingerprint());
        }
        for (FileNote n : review.fileNotes()) {
            result(results, rules, ruleIndex, n.source(), n.rule(), n.severity(), n.message(), n.path(), n.line(), n.line());
        }
        ObjectNode provenance = run.putObject("versionControlProvenance");
        provenance.put("revisionId", review.headSha());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }

    private static ObjectNode result(ArrayNode results, ArrayNode rules, Map<String, Integer> ruleIndex, String source,
            String rule, Severity severity, String message, String path, int startLine, int endLine) {
        String ruleId = source + "/" + (rule == null || rule.isBlank() ? "review" : rule);
        Integer index = ruleIndex.get(ruleId);
        if (index == null) {
            index = ruleIndex.size();
            ruleIndex.put(ruleId, index);
            ObjectNode ruleNode = rules.addObject();
            ruleNode.put("id", ruleId);
            ruleNode.put("name", rule == null || rule.isBlank() ? source : rule);
            ruleNode.putObject("shortDescription").put("text", ruleId);
            ruleNode.putObject("defaultConfiguration").put("level", level(severity));
        }
        ObjectNode result = results.addObject();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", index);
        result.put("level", level(severity));
        result.putObject("message").put("text", message);
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", path).put("uriBaseId", "%SRCROOT%");
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, startLine));
        region.put("endLine", Math.max(1, endLine));
        return result;
    }

    /** The rule's {@code help} (why, fix, how to suppress) and {@code helpUri}, from the first comment that has them. */
    private static void describe(JsonNode ruleNode, RuleHelp help) {
        ObjectNode rule = (ObjectNode) ruleNode;
        if (help.isEmpty() || rule.has("help")) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!help.why().isEmpty()) {
            parts.add("Why it matters: " + help.why());
        }
        if (!help.fix().isEmpty()) {
            parts.add("Fix: " + help.fix());
        }
        if (!help.suppression().isEmpty()) {
            parts.add("Suppress one place: " + help.suppression());
        }
        if (!parts.isEmpty()) {
            rule.putObject("help").put("text", String.join("\n", parts));
        }
        if (!help.docUrl().isEmpty()) {
            rule.put("helpUri", help.docUrl());
        }
    }

    /** A suggestion as a SARIF fix: the commented lines replaced by its text. */
    private static void fix(ObjectNode result, ReviewComment c) {
        ObjectNode change = result.putArray("fixes").addObject().putArray("artifactChanges").addObject();
        change.putObject("artifactLocation").put("uri", c.path()).put("uriBaseId", "%SRCROOT%");
        ObjectNode replacement = change.putArray("replacements").addObject();
        // Whole lines, newline included: from column 1 of the first to column 1 of the line after the last.
        ObjectNode region = replacement.putObject("deletedRegion");
        region.put("startLine", c.startLine() == null ? c.line() : c.startLine());
        region.put("startColumn", 1);
        region.put("endLine", c.line() + 1);
        region.put("endColumn", 1);
        String text = c.suggestion().isEmpty() || c.suggestion().endsWith("\n") ? c.suggestion() : c.suggestion() + "\n";
        replacement.putObject("insertedContent").put("text", text);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
