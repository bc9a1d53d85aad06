package dev.prharness.safety;

import java.util.regex.Pattern;

/**
 * Prepares text that comes from a pull request (title, body, file contents, diffs) for the model: secrets
 * redacted, invisible characters made visible, and the whole framed as data with a boundary the text
 * cannot forge. The model's instructions say never to follow anything inside such a frame.
 */
public final class UntrustedText {

    /** Zero-width characters and bidi controls ("Trojan Source"): shown as {@code <U+XXXX>} so the model sees them. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u00AD]");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--[\\s\\S]*?-->");
    private static final String OPEN = "<untrusted-data";
    private static final String CLOSE = "</untrusted-data>";

    private final SecretRedactor redactor = new SecretRedactor();
    private final boolean redacts;

    public UntrustedText() {
        this(true);
    }

    private UntrustedText(boolean redacts) {
        this.redacts = redacts;
    }

    /**
     * For text that becomes a tool result: the tool registry redacts every tool result on its way to the model, so
     * this one leaves redaction to it (once per result, not twice) and only shows invisible characters and defuses
     * frames. Neither step can hide a secret from the redactor or make one.
     */
    public static UntrustedText forToolResults() {
        return new UntrustedText(false);
    }

    /** Code or diff text: redacted and with invisible characters shown; line structure kept. */
    public String code(String text) {
        return neutraliseFrame(showInvisible(redacts ? redactor.redact(text) : text));
    }

    /** Prose written by the PR author (title, body): also without HTML comments, where hidden prompts hide. */
    public String prose(String text) {
        if (text == null) {
            return "";
        }
        return neutraliseFrame(showInvisible(redactor.redact(HTML_COMMENT.matcher(text).replaceAll(""))));
    }

    /** Wraps already-cleaned text in a data frame naming where it came from (the name escaped as an attribute). */
    public static String frame(String source, String cleaned) {
        return OPEN + " source=\"" + attribute(source) + "\">\n" + cleaned + (cleaned.endsWith("\n") ? "" : "\n") + CLOSE;
    }

    /**
     * A name from the change (a path) quoted for a line of tool output: JSON-style escapes for quotes, backslashes
     * and control characters, so it stays on its line and cannot open or close a frame.
     */
    public static String quote(String name) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                default -> {
                    if (c < 0x20 || INVISIBLE.matcher(String.valueOf(c)).matches()) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\n", "&#10;").replace("\r", "&#13;");
    }

    private static String showInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (invisible(text.charAt(i))) {
                return INVISIBLE.matcher(text).replaceAll(m -> String.format("<U+%04X>", (int) m.group().charAt(0)));
            }
        }
        return text; // nothing to show: the common case, found in one pass
    }

    /** The characters {@link #INVISIBLE} matches. */
    private static boolean invisible(char c) {
        return c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c >= '\u2060' && c <= '\u2064'
                || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Text cannot close or open a frame itself: the markers are defused. */
    private static String neutraliseFrame(String text) {
        return text.replace(CLOSE, "</untrusted-data\u200C>").replace(OPEN, "<untrusted\u200C-data");
    }
}
