package dev.prharness.store;

import java.util.Locale;

/**
 * Where a job is: waiting, held by a worker, finished, given up on, replaced by a newer job, or dropped because
 * its installation was suspended or removed.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    DEAD,
    SUPERSEDED,
    CANCELLED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
