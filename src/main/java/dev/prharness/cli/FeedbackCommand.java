package dev.prharness.cli;

import dev.prharness.store.JobStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pr-harness feedback}: how people judged the bot's comments, per source and rule, from the server's job store:
 * agreement (👍, resolved threads) against disagreement (👎, {@code /ignore}), how many disagreements came from people
 * who may write (those silence), and how many silences were taken back ({@code /unignore}). The real-world precision of
 * each rule and of the model.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Agreement per rule and source from maintainers' reactions, resolved threads and /ignores (the server's store).")
final class FeedbackCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--repo", description = "Only feedback on comments in this repository (OWNER/REPO).")
    String repository;

    FeedbackCommand(CliContext context) {
        this.context = context;
    }

    /** One rule's counts. */
    private static final class Tally {
        int agree;
        int disagree;
        int silencing;
        int restored;
    }

    @Override
    public Integer call() {
        List<JobStore.FeedbackRow> rows;
        try (JobStore store = context.root().existingJobStore()) {
            rows = store.feedback(Optional.ofNullable(repository));
        }
        Map<String, Tally> byRule = new TreeMap<>();
        for (JobStore.FeedbackRow row : rows) {
            Tally tally = byRule.computeIfAbsent(row.source() + " " + row.rule(), k -> new Tally());
            if (row.verdict().equals("agree")) {
                tally.agree++;
            } else if (row.verdict().equals("restore")) {
                tally.restored++;
            } else {
                tally.disagree++;
                tally.silencing += row.writer() ? 1 : 0;
            }
        }
        PrintStream out = context.out();
        if (byRule.isEmpty()) {
            out.println("No feedback yet" + (repository == null ? "" : " on " + repository)
                    + ": react 👍 or 👎 to the bot's inline comments, or reply /ignore; the server reads reactions and resolved "
                    + "threads at its next review.");
            return Main.OK;
        }
        out.printf(Locale.ROOT, "%-12s %-40s %6s %9s %10s %10s %9s%n", "SOURCE", "RULE", "AGREE", "DISAGREE", "AGREEMENT",
                "SILENCED", "RESTORED");
        byRule.forEach((key, t) -> {
            String[] parts = key.split(" ", 2);
            String agreement = t.agree + t.disagree == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%",
                    100.0 * t.agree / (t.agree + t.disagree));
            out.printf(Locale.ROOT, "%-12s %-40s %6d %9d %10s %10d %9d%n", parts[0], parts[1], t.agree, t.disagree,
                    agreement, t.silencing, t.restored);
        });
        return Main.OK;
    }
}
