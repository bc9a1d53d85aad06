package dev.prharness.pipeline;

import java.util.Optional;

/**
 * What a review may spend on the model, and where what it spent is counted. A review that may not start (a budget is
 * spent) runs linters only and says why; one that may gets a cap, the least of what every budget has left.
 */
public interface ReviewBudget {

    /** The allowance of a review that starts now for {@code account} (none: no account, as in the CLI). */
    Allowance allowance(Optional<SpendingAccount> account);

    /** Records what a review spent. */
    void spent(Optional<SpendingAccount> account, double usd);

    /** The cap of one review in USD (infinite: none), or why it may not use the model at all. */
    record Allowance(double capUsd, Optional<String> refusal) {

        public static Allowance upTo(double capUsd) {
            return new Allowance(capUsd, Optional.empty());
        }

        public static Allowance refused(String why) {
            return new Allowance(0, Optional.of(why));
        }
    }

    /** No budget at all. */
    ReviewBudget UNLIMITED = perReview(null);

    /** Only a cap per review ({@code null}: none); nothing is counted across reviews. */
    static ReviewBudget perReview(Double capUsd) {
        return new ReviewBudget() {
            @Override
            public Allowance allowance(Optional<SpendingAccount> account) {
                if (capUsd != null && capUsd <= 0) {
                    return Allowance.refused("the model budget per review (budgets.per_review_usd) is $0");
                }
                return Allowance.upTo(capUsd == null ? Double.POSITIVE_INFINITY : capUsd);
            }

            @Override
            public void spent(Optional<SpendingAccount> account, double usd) {
                // Nothing outlives one review here.
            }
        };
    }
}
