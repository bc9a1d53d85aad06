package dev.prharness.review;

/** A count with its noun, singular or plural as the count asks: "1 file", "3 files". */
public final class Plural {

    private Plural() {}

    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
