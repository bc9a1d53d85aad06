package dev.prharness.change;

/**
 * A change's identity and own description: {@code id} names it in logs ({@code acme/widgets#7}, or
 * {@code local:repo-folder}); title, body and author are as the author wrote them.
 */
public record ChangeInfo(String id, String title, String body, String author) {}
