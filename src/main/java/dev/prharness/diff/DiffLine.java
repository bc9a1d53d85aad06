package dev.prharness.diff;

/**
 * One line of a hunk. {@code oldLine} is 0 for an added line, {@code newLine} is 0 for a removed one.
 */
public record DiffLine(LineKind kind, int oldLine, int newLine, String text) {

    /** The line number on the given side, or 0 when the line does not exist there. */
    public int lineOn(Side side) {
        return side == Side.LEFT ? oldLine : newLine;
    }
}
