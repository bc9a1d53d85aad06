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

    String bound(String text) {
        if (remaining <= 0) {
            return "[tool output allowance for this review used up: no more tool output can be returned; "
                    + "finish with what you have and call submit_review]";
        }
        int limit = (int) Math.min(perResult, remaining);
        String result = text;
        if (text.length() > limit) {
            result = text.substring(0, limit) + "\n[truncated: " + (text.length() - limit)
                    + " more characters; ask for a smaller line range or one file at a time]";
        }
        remaining -= Math.min(text.length(), limit);
        return result;
    }
}
