package dev.prharness.server;

/** The job was taken over by another replica (its lease ran out here): this worker must post nothing more. */
public final class LeaseLostException extends RuntimeException {

    public LeaseLostException(long jobId) {
        super("job " + jobId + " was taken over by another replica; this worker posts nothing");
    }
}
