package dev.prharness.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a comment across pushes: path, source, rule, normalised message and the text of the
 * commented code line. Line numbers are left out on purpose, so a comment keeps its fingerprint when code
 * above it moves; digits inside the message are blanked for the same reason.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(String path, String source, String rule, String message, String codeLine) {
        return of(path, source, rule, message, codeLine, 0);
    }

    /**
     * The fingerprint of the {@code occurrence}-th place (0 first, in line order) where the same finding sits on
     * identical code in one file: each place has its own, so one more identical line is a new finding.
     */
    public static String of(String path, String source, String rule, String message, String codeLine, int occurrence) {
        String material = String.join("\u0000",
                path,
                source == null ? "" : source,
                rule == null ? "" : rule,
                normalise(message),
                normaliseCode(codeLine)) + (occurrence == 0 ? "" : "\u0000" + occurrence);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Code as compared across places and pushes: whitespace folded, so reformatting keeps the identity. */
    static String normaliseCode(String codeLine) {
        return codeLine == null ? "" : codeLine.strip().replaceAll("\\s+", " ");
    }

    static String normalise(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT)
                .replaceAll("\\d+", "#")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
