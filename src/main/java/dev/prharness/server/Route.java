package dev.prharness.server;

import dev.prharness.store.InstallationState;
import dev.prharness.store.NewJob;

/** What to do with one verified delivery. */
sealed interface Route {

    /** {@code ping}: 200. */
    record Pong() implements Route {}

    /** An event or action the bot does not act on: 204, with the reason for the log. */
    record Ignore(String reason) implements Route {}

    /** Work to store durably before answering 202. */
    record Accept(NewJob job) implements Route {}

    /** An App installation changed state: recorded (dropping its queued jobs unless active), then 202. */
    record Installation(long id, String account, InstallationState state) implements Route {}

    /** A delivery that cannot be used: 400, saying why. */
    record Invalid(String reason) implements Route {}
}
