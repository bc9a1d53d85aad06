package dev.prharness.codehost;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names one pull request: {@code OWNER/REPO#N}, or its URL on github.com or an Enterprise Server. */
public record PullRequestRef(String owner, String repo, int number) {

    private static final Pattern SHORT = Pattern.compile("^([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)#(\\d+)$");
    private static final Pattern URL = Pattern.compile("^https?://[^/]+/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/pull/(\\d+)(?:[/?#].*)?$");

    public static PullRequestRef parse(String text) {
        String trimmed = text.strip();
        Matcher m = SHORT.matcher(trimmed);
        if (!m.matches()) {
            m = URL.matcher(trimmed);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' does not name a pull request; use OWNER/REPO#N "
                    + "(e.g. acme/widgets#7) or its URL (https://github.com/acme/widgets/pull/7)");
        }
        return new PullRequestRef(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }

    public String repository() {
        return owner + "/" + repo;
    }

    @Override
    public String toString() {
        return owner + "/" + repo + "#" + number;
    }
}
