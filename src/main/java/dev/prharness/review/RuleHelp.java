package dev.prharness.review;

/**
 * What a reader needs beside a linter's message: why the finding matters, how to fix it, how to silence one
 * place on purpose ({@code suppression}, an annotation or comment to write in the code), and the rule's
 * documentation ({@code docUrl}). Each part may be empty; {@link #NONE} has none.
 */
public record RuleHelp(String why, String fix, String suppression, String docUrl) {

    public static final RuleHelp NONE = new RuleHelp("", "", "", "");

    public RuleHelp {
        why = why == null ? "" : why.strip();
        fix = fix == null ? "" : fix.strip();
        suppression = suppression == null ? "" : suppression.strip();
        docUrl = docUrl == null ? "" : docUrl.strip();
    }

    public boolean isEmpty() {
        return why.isEmpty() && fix.isEmpty() && suppression.isEmpty() && docUrl.isEmpty();
    }
}
