package dev.prharness.eval;

import java.util.List;

/**
 * One model's figures over every case and run: recall over the seeded cases, noise per case, the false-alarm rate over
 * the clean cases (each as the mean of the runs, with the lowest and highest run), and usage summed.
 */
public record EvalTotals(String model, int runs, int seeded, int clean, int found, Spread recall, Spread noisePerCase,
        int falseAlarms, Spread falseAlarmRate, int modelCalls, long tokensSent, long cachedTokens, double costUsd,
        long millis) {

    /** A mean over runs and the range it came from. */
    public record Spread(double mean, double min, double max) {
        static Spread of(List<Double> values) {
            if (values.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
    }

    static EvalTotals of(EvalRunner.ModelResults results) {
        List<List<CaseResult>> runs = results.runs().stream().filter(r -> !r.isEmpty()).toList();
        List<CaseResult> all = runs.stream().flatMap(List::stream).toList();
        List<Double> recall = runs.stream().filter(r -> r.stream().anyMatch(c -> !c.clean()))
                .map(r -> (double) r.stream().filter(CaseResult::found).count() / r.stream().filter(c -> !c.clean()).count())
                .toList();
        List<Double> noise = runs.stream().map(r -> r.stream().mapToInt(CaseResult::noise).average().orElse(0)).toList();
        List<Double> alarms = runs.stream().filter(r -> r.stream().anyMatch(CaseResult::clean))
                .map(r -> (double) r.stream().filter(CaseResult::falseAlarm).count() / r.stream().filter(CaseResult::clean).count())
                .toList();
        return new EvalTotals(results.model(), runs.size(), (int) all.stream().filter(c -> !c.clean()).count(),
                (int) all.stream().filter(CaseResult::clean).count(), (int) all.stream().filter(CaseResult::found).count(),
                Spread.of(recall), Spread.of(noise), (int) all.stream().filter(CaseResult::falseAlarm).count(),
                Spread.of(alarms), all.stream().mapToInt(CaseResult::modelCalls).sum(),
                all.stream().mapToLong(CaseResult::promptTokens).sum(), all.stream().mapToLong(CaseResult::cachedTokens).sum(),
                all.stream().mapToDouble(CaseResult::costUsd).sum(), all.stream().mapToLong(CaseResult::millis).sum());
    }
}
