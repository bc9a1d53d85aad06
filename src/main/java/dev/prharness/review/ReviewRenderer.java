package dev.prharness.review;

/** Turns a review into text in one output format. */
public interface ReviewRenderer {
    String render(Review review);
}
