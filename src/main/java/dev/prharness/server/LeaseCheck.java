package dev.prharness.server;

/** Whether this worker still holds its job's lease, asked right before anything is posted. */
@FunctionalInterface
public interface LeaseCheck {

    /** Throws {@link LeaseLostException} when another replica has taken the job over. */
    void confirm();
}
