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

    /** The status as it is stored and shown: {@code queued}, {@code dead}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status an operator names ({@code queued}, {@code dead}, …), or an error listing the names. */
    public static JobStatus parse(String name) {
        for (JobStatus status : values()) {
            if (status.label().equals(name.toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new IllegalArgumentException("no job status '" + name + "'; use one of queued, running, done, dead, "
                + "superseded, cancelled");
    }

    static JobStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
