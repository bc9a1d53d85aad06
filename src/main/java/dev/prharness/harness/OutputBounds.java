package dev.prharness.harness;

/**
 * Keeps tool output within bounds: each result is cut at a per-result size, and once a run has returned its
 * whole allowance the model is told so instead of getting more. Cut text says how to ask for less.
 */
final class OutputBounds {

    private final int perResult;
    private long remaining;

    OutputBounds(int perResult, long perRun) {
        this.perResult = perResult;
        this.remaining = perRun;
    }

    /** One result cut at the per-result size (what the cache keeps). */
    String perResult(String text) {
        if (text.length() <= perResult) {
            return text;
        }
        return text.substring(0, perResult) + "\n[truncated: " + (text.length() - perResult)
                + " more characters; ask for a smaller line range or one file at a time]";
    }

    /** A result (already cut to one result's size) as this run may still receive it, counted against its allowance. */
    String bound(String text) {
        if (remaining <= 0) {
            return "[tool output allowance for this review used up: no more tool output can be returned; "
                    + "finish with what you have and call submit_review]";
        }
        String result = text;
        if (text.length() > remaining) {
            result = text.substring(0, (int) remaining) + "\n[truncated: " + (text.length() - remaining)
                    + " more characters; this review's tool output allowance is nearly used up]";
        }
        remaining -= Math.min(text.length(), remaining);
        return result;
    }
}
