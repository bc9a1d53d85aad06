package dev.prharness.cli;

import dev.prharness.pipeline.ReviewProgress;
import java.io.PrintStream;

/** A one-line progress indicator on a terminal, rewritten in place and cleared at the end. */
final class ProgressLine implements ReviewProgress {

    private final PrintStream stream;
    private final boolean enabled;
    private boolean shown;

    ProgressLine(PrintStream stream, boolean enabled) {
        this.stream = stream;
        this.enabled = enabled;
    }

    @Override
    public synchronized void step(String description) {
        if (enabled) {
            stream.print("\r\u001B[2K… " + description);
            stream.flush();
            shown = true;
        }
    }

    synchronized void clear() {
        if (shown) {
            stream.print("\r\u001B[2K");
            stream.flush();
            shown = false;
        }
    }
}
