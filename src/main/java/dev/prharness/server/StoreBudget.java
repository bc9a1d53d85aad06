package dev.prharness.server;

import dev.prharness.config.BotSettings;
import dev.prharness.events.EventLog;
import dev.prharness.model.PriceTable;
import dev.prharness.pipeline.ReviewBudget;
import dev.prharness.pipeline.SpendingAccount;
import dev.prharness.store.JobStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The server's budgets (bot settings {@code budgets:}), counted in the job store so that every replica sees every
 * replica's spending: per review, per repository per UTC day, per installation per UTC month. Spending is recorded
 * whether or not a budget is set, so one can be set later on real figures.
 */
public final class StoreBudget implements ReviewBudget {

    private final JobStore store;
    private final BotSettings.Budgets budgets;
    private final Clock clock;

    public StoreBudget(JobStore store, BotSettings.Budgets budgets, Clock clock) {
        this.store = store;
        this.budgets = budgets;
        this.clock = clock;
    }

    @Override
    public Allowance allowance(Optional<SpendingAccount> account) {
        double cap = budgets.perReviewUsd() == null ? Double.POSITIVE_INFINITY : budgets.perReviewUsd();
        if (account.isPresent()) {
            LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            YearMonth month = YearMonth.from(day);
            if (budgets.perRepositoryPerDayUsd() != null) {
                double left = budgets.perRepositoryPerDayUsd() - spent(repositoryKey(account.get()), day.toString());
                if (left <= 0) {
                    return refused("repository", "the daily model budget of " + account.get().repository() + " ("
                            + PriceTable.usd(budgets.perRepositoryPerDayUsd()) + ") is spent; it resets at " + day.plusDays(1) + " 00:00 UTC");
                }
                cap = Math.min(cap, left);
            }
            if (budgets.perInstallationPerMonthUsd() != null) {
                double left = budgets.perInstallationPerMonthUsd() - spent(installationKey(account.get()), month.toString());
                if (left <= 0) {
                    return refused("installation", "this installation's monthly model budget ("
                            + PriceTable.usd(budgets.perInstallationPerMonthUsd()) + ") is spent; it resets on " + month.plusMonths(1).atDay(1)
                            + " (UTC)");
                }
                cap = Math.min(cap, left);
            }
        }
        if (cap <= 0) {
            return refused("review", "the model budget per review (budgets.per_review_usd) is $0");
        }
        return Allowance.upTo(cap);
    }

    @Override
    public void spent(Optional<SpendingAccount> account, double usd) {
        if (account.isEmpty() || !(usd > 0)) {
            return;
        }
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long micro = Math.round(usd * 1_000_000);
        store.addSpend(repositoryKey(account.get()), day.toString(), micro);
        store.addSpend(installationKey(account.get()), YearMonth.from(day).toString(), micro);
        EventLog.emit("model_spend", "repository", account.get().repository(), "usd", usd);
    }

    private static Allowance refused(String budget, String why) {
        EventLog.emit("budget_refused", "budget", budget);
        return Allowance.refused(why);
    }

    private double spent(String account, String period) {
        return store.spend(account, period) / 1_000_000.0;
    }

    private static String repositoryKey(SpendingAccount account) {
        return "repository:" + account.repository();
    }

    private static String installationKey(SpendingAccount account) {
        return "installation:" + account.installationId();
    }
}
