package dev.prharness.safety;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text the bot did not write itself (model output, linter messages that quote the repository, paths,
 * a commenter's question) inert before it is posted as markdown: it cannot hide text or forge the bot's
 * markers ({@code <!--}), embed HTML or images, or notify anyone ({@code @user}, {@code @org/team} get a
 * zero-width space after the {@code @}). Code spans and fenced blocks are left as written, except that
 * {@code <!--} is broken there too, since the bot reads its markers from raw text.
 */
public final class InertText {

    /** Between {@code <!} and {@code --}, and after {@code @}: invisible when rendered, and no longer a marker or mention. */
    private static final String BREAK = "\u200B";
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w`@.])@(?=[A-Za-z0-9])");
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private InertText() {}

    /** Markdown from someone else, made inert; line structure kept. */
    public static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String fence = null;
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            Matcher opens = FENCE.matcher(line);
            if (fence != null) {
                out.append(breakMarkers(line));
                if (opens.find() && opens.group(1).charAt(0) == fence.charAt(0) && opens.group(1).length() >= fence.length()
                        && line.strip().length() == opens.group(1).length()) {
                    fence = null;
                }
            } else if (opens.find()) {
                fence = opens.group(1);
                out.append(breakMarkers(line));
            } else {
                out.append(inline(line));
            }
        }
        return out.toString();
    }

    /** One line of someone else's text, newlines folded, made inert. */
    public static String oneLine(String text) {
        return markdown(text == null ? "" : text.replaceAll("\\s+", " ").strip());
    }

    /** Text shown as a code span: fenced with more backticks than it holds, markers broken. */
    public static String codeSpan(String text) {
        String value = breakMarkers(text == null ? "" : text.replaceAll("[\\r\\n]+", " "));
        int longest = 0;
        int run = 0;
        for (char c : value.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String ticks = "`".repeat(longest + 1);
        String pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
        return ticks + pad + value + pad + ticks;
    }

    /** Breaks {@code <!--} (and so any marker the bot would read) without changing how the text looks. */
    public static String breakMarkers(String text) {
        return text.replace("<!--", "<!" + BREAK + "--");
    }

    /** Outside code spans: no comments, tags, images or mentions. */
    private static String inline(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int tick = line.indexOf('`', i);
            if (tick < 0) {
                out.append(prose(line.substring(i)));
                break;
            }
            int runEnd = tick;
            while (runEnd < line.length() && line.charAt(runEnd) == '`') {
                runEnd++;
            }
            String ticks = line.substring(tick, runEnd);
            int close = closingRun(line, runEnd, ticks.length());
            if (close < 0) {
                out.append(prose(line.substring(i, runEnd)));
                i = runEnd;
                continue;
            }
            out.append(prose(line.substring(i, tick))).append(breakMarkers(line.substring(tick, close + ticks.length())));
            i = close + ticks.length();
        }
        return out.toString();
    }

    private static int closingRun(String line, int from, int length) {
        int i = from;
        while ((i = line.indexOf('`', i)) >= 0) {
            int end = i;
            while (end < line.length() && line.charAt(end) == '`') {
                end++;
            }
            if (end - i == length) {
                return i;
            }
            i = end;
        }
        return -1;
    }

    private static String prose(String text) {
        String escaped = TAG_START.matcher(text.replace("-->", "--&gt;")).replaceAll("&lt;");
        escaped = escaped.replace("![", "!\\[");
        return MENTION.matcher(escaped).replaceAll("@" + BREAK);
    }
}
