package dev.prharness.harness;

/** What a tool answered: text for the model, whether it is an error, and whether it ends the loop. */
public record ToolOutcome(String text, boolean error, boolean endsRun) {

    public static ToolOutcome ok(String text) {
        return new ToolOutcome(text, false, false);
    }

    public static ToolOutcome error(String text) {
        return new ToolOutcome(text, true, false);
    }

    public static ToolOutcome finish(String text) {
        return new ToolOutcome(text, false, true);
    }
}
