package dev.prharness.codehost;

/** A comment already on a pull request: where it lives, its id, who wrote it, and its text. */
public record ExistingComment(Kind kind, long id, String author, String body) {

    /** Conversation comments, inline review comments, and review bodies. */
    public enum Kind {
        ISSUE_COMMENT,
        REVIEW_COMMENT,
        REVIEW_BODY
    }
}
