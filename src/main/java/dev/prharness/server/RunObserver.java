package dev.prharness.server;

import dev.prharness.store.Job;
import java.util.Map;
import java.util.function.BiConsumer;

/** Watches each attempt of a job from outside the runner (traces): the events it emits, then how it ended. */
public interface RunObserver {

    /** One attempt begins; the returned sink gets every event the attempt emits. */
    Attempt begin(Job job);

    /** One attempt being watched. */
    interface Attempt extends BiConsumer<String, Map<String, Object>> {
        /** The attempt ended with {@code outcome} ({@code done}, {@code retry}, {@code dead}, {@code lease_lost}, …). */
        void end(String outcome);
    }
}
