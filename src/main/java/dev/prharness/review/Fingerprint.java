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
        String material = String.join("\u0000",
                path,
                source == null ? "" : source,
                rule == null ? "" : rule,
                normalise(message),
                codeLine == null ? "" : codeLine.strip().replaceAll("\\s+", " "));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String normalise(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT)
                .replaceAll("\\d+", "#")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
