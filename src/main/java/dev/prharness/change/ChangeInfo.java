package dev.prharness.change;

/** A change's own description: title, body and author, as the author wrote them. */
public record ChangeInfo(String title, String body, String author) {}
