package dev.prharness.pipeline;

/**
 * Where a running review reports what it is doing, for a progress line on a terminal. Steps may come from several
 * threads at once (the linters run while the model works).
 */
@FunctionalInterface
public interface ReviewProgress {

    ReviewProgress SILENT = step -> { };

    void step(String description);
}
