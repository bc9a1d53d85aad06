package dev.prharness.pipeline;

/** Where a running review reports what it is doing, for a progress line on a terminal. */
@FunctionalInterface
public interface ReviewProgress {

    ReviewProgress SILENT = step -> { };

    void step(String description);
}
