package dev.prharness.store;

import java.util.Locale;

/** Where a job is: waiting, held by a worker, finished, given up on, or replaced by a newer job. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    DEAD,
    SUPERSEDED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
