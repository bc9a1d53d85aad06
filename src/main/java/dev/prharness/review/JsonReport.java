package dev.prharness.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code --format json} output: one object, fields as in SPEC §4. */
public final class JsonReport implements ReviewRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Review review) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("base_sha", review.baseSha());
        root.put("head_sha", review.headSha());
        root.put("summary", review.summary());
        ArrayNode comments = root.putArray("comments");
        for (ReviewComment c : review.comments()) {
            ObjectNode node = comments.addObject();
            node.put("path", c.path());
            node.put("line", c.line());
            if (c.startLine() == null) {
                node.putNull("start_line");
            } else {
                node.put("start_line", c.startLine());
            }
            node.put("side", c.side().name());
            node.put("severity", c.severity().label());
            node.put("source", c.source());
            node.put("rule", c.rule());
            node.put("message", c.message());
            node.put("suggestion", c.suggestion());
            node.put("fingerprint", c.fingerprint());
            c.alsoLines().forEach(node.putArray("also_lines")::add);
            ObjectNode help = node.putObject("help");
            help.put("why", c.help().why());
            help.put("fix", c.help().fix());
            help.put("suppress", c.help().suppression());
            help.put("docs", c.help().docUrl());
        }
        ArrayNode notes = root.putArray("file_notes");
        for (FileNote n : review.fileNotes()) {
            ObjectNode node = notes.addObject();
            node.put("path", n.path());
            node.put("line", n.line());
            node.put("severity", n.severity().label());
            node.put("source", n.source());
            node.put("rule", n.rule());
            node.put("message", n.message());
        }
        ArrayNode skipped = root.putArray("skipped_files");
        for (Review.SkippedFile s : review.skippedFiles()) {
            skipped.addObject().put("path", s.path()).put("reason", s.reason());
        }
        ReviewStats s = review.stats();
        ObjectNode stats = root.putObject("stats");
        stats.put("files_reviewed", s.filesReviewed());
        stats.put("model_calls", s.modelCalls());
        stats.put("prompt_tokens", s.promptTokens());
        stats.put("cached_tokens", s.cachedTokens());
        stats.put("completion_tokens", s.completionTokens());
        stats.put("tool_calls", s.toolCalls());
        stats.put("cache_hits", s.cacheHits());
        stats.put("duration_ms", s.durationMs());
        stats.put("estimated_cost_usd", Math.round(s.estimatedCostUsd() * 1_000_000) / 1_000_000.0);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }
}
