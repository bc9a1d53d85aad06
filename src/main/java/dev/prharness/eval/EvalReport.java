package dev.prharness.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's results as text (aligned columns), markdown (tables) or JSON. */
public final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<EvalCase> cases;
    private final EvalRunner.Outcome outcome;
    private final List<EvalTotals> totals;

    public EvalReport(List<EvalCase> cases, EvalRunner.Outcome outcome) {
        this.cases = List.copyOf(cases);
        this.outcome = outcome;
        this.totals = outcome.models().stream().map(EvalTotals::of).toList();
    }

    public String render(String format) {
        return switch (format) {
            case "json" -> json();
            case "markdown" -> tables(true);
            default -> tables(false);
        };
    }

    private String tables(boolean markdown) {
        StringBuilder out = new StringBuilder();
        long seeded = cases.stream().filter(c -> !c.clean()).count();
        int runs = outcome.models().isEmpty() ? 0 : outcome.models().get(0).runs().size();
        out.append(markdown ? "## pr-harness eval\n\n" : "pr-harness eval: ").append(cases.size()).append(" cases (")
                .append(seeded).append(" with a seeded defect, ").append(cases.size() - seeded).append(" clean), ")
                .append(runs).append(runs == 1 ? " run" : " runs").append(" per model\n");
        outcome.stopped().ifPresent(s -> out.append(markdown ? "\n**" : "").append(s).append(markdown ? "**\n" : "\n"));
        for (EvalRunner.ModelResults model : outcome.models()) {
            out.append(markdown ? "\n### Cases: " : "\nCases: ").append(model.model()).append("\n\n");
            Table table = new Table("case", "category", "result", "noise", "calls", "tokens sent", "cost", "time");
            for (Map.Entry<String, List<CaseResult>> row : byCase(model).entrySet()) {
                List<CaseResult> results = row.getValue();
                CaseResult first = results.get(0);
                table.row(row.getKey(), first.category(), verdict(results),
                        number(results.stream().mapToInt(CaseResult::noise).average().orElse(0)),
                        String.valueOf(results.stream().mapToInt(CaseResult::modelCalls).sum()),
                        String.format(Locale.ROOT, "%,d", results.stream().mapToLong(CaseResult::promptTokens).sum()),
                        String.format(Locale.ROOT, "$%.4f", results.stream().mapToDouble(CaseResult::costUsd).sum()),
                        seconds(results.stream().mapToLong(CaseResult::millis).sum()));
            }
            out.append(table.render(markdown));
        }
        out.append(markdown ? "\n### Totals\n\n" : "\nTotals\n\n");
        List<String> header = new ArrayList<>(List.of("measure"));
        totals.forEach(t -> header.add(t.model()));
        Table table = new Table(header.toArray(String[]::new));
        table.row(column("recall", t -> percent(t.recall()) + " (" + t.found() + " of " + t.seeded() + ")"));
        table.row(column("noise per case", t -> spread(t.noisePerCase(), false)));
        table.row(column("false alarms", t -> t.falseAlarms() + " of " + t.clean() + " (" + percent(t.falseAlarmRate()) + ")"));
        table.row(column("model calls", t -> String.valueOf(t.modelCalls())));
        table.row(column("tokens sent", t -> String.format(Locale.ROOT, "%,d (%d%% cached)", t.tokensSent(),
                Math.round(100.0 * t.cachedTokens() / Math.max(1, t.tokensSent())))));
        table.row(column("cost", t -> String.format(Locale.ROOT, "$%.4f", t.costUsd())));
        table.row(column("time", t -> seconds(t.millis())));
        out.append(table.render(markdown));
        return out.toString();
    }

    private String[] column(String measure, java.util.function.Function<EvalTotals, String> value) {
        List<String> cells = new ArrayList<>(List.of(measure));
        totals.forEach(t -> cells.add(value.apply(t)));
        return cells.toArray(String[]::new);
    }

    private static Map<String, List<CaseResult>> byCase(EvalRunner.ModelResults model) {
        Map<String, List<CaseResult>> rows = new LinkedHashMap<>();
        model.runs().forEach(run -> run.forEach(r -> rows.computeIfAbsent(r.caseName(), k -> new ArrayList<>()).add(r)));
        return rows;
    }

    /** found / missed for a seeded case, ok / false alarm for a clean one; with several runs, how often. */
    private static String verdict(List<CaseResult> results) {
        boolean clean = results.get(0).clean();
        long hits = results.stream().filter(r -> clean ? r.falseAlarm() : r.found()).count();
        if (results.size() == 1) {
            return clean ? (hits == 1 ? "false alarm" : "ok") : (hits == 1 ? "found" : "missed");
        }
        return (clean ? "false alarm " : "found ") + hits + "/" + results.size();
    }

    private static String percent(EvalTotals.Spread spread) {
        return spread(new EvalTotals.Spread(spread.mean() * 100, spread.min() * 100, spread.max() * 100), true);
    }

    private static String spread(EvalTotals.Spread spread, boolean percent) {
        if (Double.isNaN(spread.mean())) {
            return "-";
        }
        String unit = percent ? "%" : "";
        String mean = percent ? Math.round(spread.mean()) + unit : number(spread.mean());
        if (spread.min() == spread.max()) {
            return mean;
        }
        return mean + " [" + (percent ? Math.round(spread.min()) + unit : number(spread.min())) + "–"
                + (percent ? Math.round(spread.max()) + unit : number(spread.max())) + "]";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("cases", cases.size());
        root.put("seeded", cases.stream().filter(c -> !c.clean()).count());
        root.put("planned_reviews", outcome.planned());
        root.put("done_reviews", outcome.done());
        if (outcome.stopped().isPresent()) {
            root.put("stopped", outcome.stopped().get());
        } else {
            root.putNull("stopped");
        }
        root.put("spent_usd", round(outcome.spentUsd()));
        root.put("duration_ms", outcome.millis());
        ArrayNode models = root.putArray("models");
        for (int i = 0; i < outcome.models().size(); i++) {
            EvalRunner.ModelResults model = outcome.models().get(i);
            EvalTotals t = totals.get(i);
            ObjectNode node = models.addObject();
            node.put("model", model.model());
            ObjectNode total = node.putObject("totals");
            total.put("runs", t.runs());
            total.put("seeded", t.seeded());
            total.put("found", t.found());
            spread(total.putObject("recall"), t.recall());
            spread(total.putObject("noise_per_case"), t.noisePerCase());
            total.put("clean", t.clean());
            total.put("false_alarms", t.falseAlarms());
            spread(total.putObject("false_alarm_rate"), t.falseAlarmRate());
            total.put("model_calls", t.modelCalls());
            total.put("prompt_tokens", t.tokensSent());
            total.put("cached_tokens", t.cachedTokens());
            total.put("estimated_cost_usd", round(t.costUsd()));
            total.put("duration_ms", t.millis());
            ArrayNode caseNodes = node.putArray("cases");
            for (Map.Entry<String, List<CaseResult>> row : byCase(model).entrySet()) {
                ObjectNode caseNode = caseNodes.addObject();
                caseNode.put("case", row.getKey());
                caseNode.put("category", row.getValue().get(0).category());
                ArrayNode runs = caseNode.putArray("runs");
                for (CaseResult r : row.getValue()) {
                    runs.addObject().put("found", r.found()).put("noise", r.noise()).put("false_alarm", r.falseAlarm())
                            .put("model_calls", r.modelCalls()).put("prompt_tokens", r.promptTokens())
                            .put("cached_tokens", r.cachedTokens()).put("estimated_cost_usd", round(r.costUsd()))
                            .put("duration_ms", r.millis());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }

    private static void spread(ObjectNode node, EvalTotals.Spread spread) {
        if (Double.isNaN(spread.mean())) {
            node.putNull("mean");
            return;
        }
        node.put("mean", round(spread.mean())).put("min", round(spread.min())).put("max", round(spread.max()));
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }

    /** Rows of cells, as aligned text columns or a markdown table. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render(boolean markdown) {
            StringBuilder out = new StringBuilder();
            if (markdown) {
                for (int r = 0; r < rows.size(); r++) {
                    out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
                    if (r == 0) {
                        out.append("|").append("---|".repeat(rows.get(0).length)).append('\n');
                    }
                }
                return out.toString();
            }
            int[] widths = new int[rows.get(0).length];
            rows.forEach(row -> {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            });
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < row.length; c++) {
                    line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            return out.toString();
        }
    }
}
