package dev.prharness.diff;

/** Which version of a file a line number refers to, in GitHub's words: LEFT is the old file, RIGHT the new one. */
public enum Side {
    LEFT,
    RIGHT
}
