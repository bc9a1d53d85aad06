package dev.prharness.cli;

import dev.prharness.review.Review;
import dev.prharness.review.Severity;
import java.util.Locale;
import java.util.Optional;

/** The {@code --fail-on} threshold: the lowest severity that makes the run exit with 1, or none. */
record FailOn(Optional<Severity> threshold) {

    static FailOn parse(String value) {
        if (value.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return new FailOn(Optional.empty());
        }
        try {
            return new FailOn(Optional.of(Severity.parse(value)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on '" + value + "' is not one of none, info, warning, error");
        }
    }

    int exitCode(Review review) {
        if (threshold.isEmpty()) {
            return Main.OK;
        }
        return review.highestSeverity().filter(s -> s.atLeast(threshold.get())).isPresent() ? Main.FINDINGS : Main.OK;
    }
}
