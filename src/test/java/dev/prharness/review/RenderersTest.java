package dev.prharness.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.diff.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RuleHelp HELP = new RuleHelp("A dropped exception hides a failure.", "Log it or rethrow it.",
            "@SuppressWarnings(\"PMD.EmptyCatchBlock\")",
            "https://docs.pmd-code.org/latest/pmd_rules_java_errorprone.html#emptycatchblock");

    static Review sample() {
        ReviewComment single = new ReviewComment("src/A.java", 12, null, Side.RIGHT, Severity.ERROR, "pmd",
                "EmptyCatchBlock", "Avoid empty catch blocks", null, "aaaaaaaaaaaaaaaa", List.of(), List.of(), HELP);
        ReviewComment range = new ReviewComment("src/A.java", 20, 18, Side.RIGHT, Severity.WARNING, "model", null,
                "Use try-with-resources.", "try (var in = open()) {\n```\n}\n", "bbbbbbbbbbbbbbbb");
        FileNote note = new FileNote("src/A.java", 90, Severity.INFO, "checkstyle", "MagicNumber", "'7' is a magic number.");
        ReviewStats stats = new ReviewStats(1, 3, 1200, 0, 300, 5, 1, 812, 0.0042);
        String summary = new SummaryWriter().write("1111111aaaa", "2222222bbbb", "", List.of(single, range), List.of(note),
                List.of(new Review.SkippedFile("logo.png", "binary file")), List.of(), stats);
        return new Review("1111111aaaa", "2222222bbbb", summary, List.of(single, range), List.of(note),
                List.of(new Review.SkippedFile("logo.png", "binary file")), stats, List.of());
    }

    @Test
    void jsonHasTheFieldsOfTheContract() throws Exception {
        JsonNode root = JSON.readTree(new JsonReport().render(sample()));
        assertEquals("1111111aaaa", root.get("base_sha").asText());
        JsonNode first = root.get("comments").get(0);
        for (String field : List.of("path", "line", "start_line", "side", "severity", "source", "rule", "message", "suggestion")) {
            assertTrue(first.has(field), "comment has " + field);
        }
        assertTrue(first.get("start_line").isNull());
        assertTrue(first.get("suggestion").isNull());
        assertEquals("RIGHT", first.get("side").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(18, root.get("comments").get(1).get("start_line").asInt());
        JsonNode stats = root.get("stats");
        for (String field : List.of("files_reviewed", "model_calls", "prompt_tokens", "completion_tokens", "tool_calls",
                "cache_hits", "duration_ms")) {
            assertTrue(stats.has(field), "stats has " + field);
        }
        assertEquals(1200, stats.get("prompt_tokens").asLong());
    }

    @Test
    void sarifIsVersion210WithRulesResultsAndFingerprints() throws Exception {
        JsonNode root = JSON.readTree(new SarifReport().render(sample()));
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.get("runs").get(0);
        assertEquals("pr-harness", run.at("/tool/driver/name").asText());
        JsonNode results = run.get("results");
        assertEquals(3, results.size());
        assertEquals("pmd/EmptyCatchBlock", results.get(0).get("ruleId").asText());
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals("src/A.java", results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(18, results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(20, results.get(1).at("/locations/0/physicalLocation/region/endLine").asInt());
        assertEquals("note", results.get(2).get("level").asText());
        assertEquals("aaaaaaaaaaaaaaaa", results.get(0).at("/partialFingerprints/prHarness~1v1").asText());
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(results.get(1).get("ruleId").asText(), rules.get(results.get(1).get("ruleIndex").asInt()).get("id").asText());
    }

    @Test
    void markdownShowsEachCommentAsPostedWithASafeSuggestionFence() {
        String markdown = new MarkdownReport().render(sample());
        assertTrue(markdown.startsWith("## pr-harness review"));
        assertTrue(markdown.contains("### `src/A.java` lines 18–20"));
        assertTrue(markdown.contains("````suggestion\ntry (var in = open()) {\n```\n}\n````"), markdown);
        assertTrue(markdown.contains("<!-- pr-harness:aaaaaaaaaaaaaaaa -->"));
        assertTrue(markdown.contains("1 finding outside the diff"));
        assertTrue(markdown.contains("`logo.png`: binary file"));
        assertTrue(markdown.contains("3 model calls"));
    }

    @Test
    void textIsPlainWithoutColourAndColouredWithIt() {
        String plain = new TextReport(false).render(sample());
        assertTrue(plain.contains("src/A.java:12  error  [pmd EmptyCatchBlock]"), plain);
        assertTrue(plain.contains("src/A.java:18-20  warning"), plain);
        assertFalse(plain.contains("\u001B["));
        assertTrue(new TextReport(true).render(sample()).contains("\u001B[31merror"));
    }

    @Test
    void everyFormatCarriesWhyTheFixTheSuppressionAndTheDocumentation() throws Exception {
        Review review = sample();
        String markdown = CommentMarkdown.body(review.comments().get(0));
        assertTrue(markdown.contains("**Why it matters:** A dropped exception hides a failure."), markdown);
        assertTrue(markdown.contains("**Fix:** Log it or rethrow it."), markdown);
        assertTrue(markdown.contains("`@SuppressWarnings(\"PMD.EmptyCatchBlock\")`"), markdown);
        assertTrue(markdown.contains("[rule documentation](" + HELP.docUrl() + ")"), markdown);

        String text = new TextReport(false).render(review);
        assertTrue(text.contains("why: A dropped exception") && text.contains("fix: Log it") && text.contains("docs: "
                + HELP.docUrl()), text);

        JsonNode json = JSON.readTree(new JsonReport().render(review)).get("comments").get(0).get("help");
        assertEquals(HELP.why(), json.get("why").asText());
        assertEquals(HELP.docUrl(), json.get("docs").asText());

        JsonNode rule = JSON.readTree(new SarifReport().render(review)).at("/runs/0/tool/driver/rules/0");
        assertEquals(HELP.docUrl(), rule.get("helpUri").asText());
        assertTrue(rule.at("/help/text").asText().contains("Fix: Log it or rethrow it."), rule.toString());

        String withoutHelp = CommentMarkdown.body(review.comments().get(1));
        assertFalse(withoutHelp.contains("Why it matters") || withoutHelp.contains("rule documentation"), withoutHelp);
    }

    @Test
    void aSuggestionIsASarifFixReplacingWholeLines() throws Exception {
        JsonNode result = JSON.readTree(new SarifReport().render(sample())).at("/runs/0/results/1");
        JsonNode replacement = result.at("/fixes/0/artifactChanges/0/replacements/0");
        assertEquals(18, replacement.at("/deletedRegion/startLine").asInt());
        assertEquals(21, replacement.at("/deletedRegion/endLine").asInt());
        assertEquals(1, replacement.at("/deletedRegion/endColumn").asInt());
        assertEquals("try (var in = open()) {\n```\n}\n", replacement.at("/insertedContent/text").asText());
    }

    @Test
    void formatsParseByName() {
        assertEquals(OutputFormat.SARIF, OutputFormat.parse("SARIF"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutputFormat.parse("xml"));
        assertTrue(e.getMessage().contains("text, markdown, json or sarif"));
    }
}
