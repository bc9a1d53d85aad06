package dev.prharness.diff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code git diff} output and GitHub's per-file {@code patch} strings into files, hunks and lines.
 * Handles renames and copies, added and deleted files, binary files, mode changes, C-quoted paths,
 * paths with spaces, {@code \ No newline at end of file} and CRLF line endings. A file whose hunks cannot be
 * read (impossible line numbers, a hunk cut short or longer than its header says, a stray line) is returned
 * as unreadable with the reason; the other files are read as usual.
 */
public final class UnifiedDiffParser {

    private static final Pattern HUNK_HEADER =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@ ?(.*)$");

    /** Parses the output of {@code git diff} (several files, with {@code diff --git} headers). */
    public List<FileDiff> parse(String gitDiff) {
        String[] lines = splitLines(gitDiff);
        List<FileDiff> files = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (lines[i].startsWith("diff --git ")) {
                int header = i;
                try {
                    i = parseFile(lines, i, files);
                } catch (DiffParseException e) {
                    // Even the file's header cannot be read: name it by its header line and go on with the next file.
                    String name = shorten(lines[header].substring("diff --git ".length()));
                    files.add(FileDiff.unreadable(null, name, ChangeType.MODIFIED, e.getMessage()));
                    i = header + 1;
                    while (i < lines.length && !lines[i].startsWith("diff --git ")) {
                        i++;
                    }
                }
            } else {
                i++;
            }
        }
        return files;
    }

    /** Parses GitHub's {@code patch} of one file: hunks only, no file header. */
    public List<Hunk> parseHunks(String patch) {
        if (patch == null || patch.isEmpty()) {
            return List.of();
        }
        String[] lines = splitLines(patch);
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (lines[i].startsWith("@@ ")) {
                i = parseHunk(lines, i, hunks);
            } else if (!hunks.isEmpty()) {
                throw new DiffParseException("a line outside any hunk: " + shorten(lines[i])
                        + " (a hunk header counts fewer lines than follow it)");
            } else {
                i++;
            }
        }
        return hunks;
    }

    private int parseFile(String[] lines, int start, List<FileDiff> out) {
        String[] headerPaths = pathsOfDiffGitLine(lines[start].substring("diff --git ".length()));
        String oldPath = headerPaths[0];
        String newPath = headerPaths[1];
        ChangeType type = ChangeType.MODIFIED;
        boolean binary = false;
        String oldMode = null;
        String newMode = null;
        int i = start + 1;
        while (i < lines.length && !lines[i].startsWith("diff --git ") && !lines[i].startsWith("@@ ")) {
            String line = lines[i];
            if (line.startsWith("old mode ")) {
                oldMode = line.substring("old mode ".length());
            } else if (line.startsWith("new mode ")) {
                newMode = line.substring("new mode ".length());
            } else if (line.startsWith("new file mode ")) {
                type = ChangeType.ADDED;
                newMode = line.substring("new file mode ".length());
            } else if (line.startsWith("deleted file mode ")) {
                type = ChangeType.DELETED;
                oldMode = line.substring("deleted file mode ".length());
            } else if (line.startsWith("rename from ")) {
                type = ChangeType.RENAMED;
                oldPath = unquote(line.substring("rename from ".length()));
            } else if (line.startsWith("rename to ")) {
                newPath = unquote(line.substring("rename to ".length()));
            } else if (line.startsWith("copy from ")) {
                type = ChangeType.COPIED;
                oldPath = unquote(line.substring("copy from ".length()));
            } else if (line.startsWith("copy to ")) {
                newPath = unquote(line.substring("copy to ".length()));
            } else if (line.startsWith("Binary files ") || line.equals("GIT binary patch")) {
                binary = true;
            } else if (line.startsWith("--- ")) {
                String path = pathOfFileLine(line.substring(4), "a/");
                if (path != null) {
                    oldPath = path;
                }
            } else if (line.startsWith("+++ ")) {
                String path = pathOfFileLine(line.substring(4), "b/");
                if (path != null) {
                    newPath = path;
                }
            }
            i++;
        }
        if (type == ChangeType.ADDED) {
            oldPath = null;
        } else if (type == ChangeType.DELETED) {
            newPath = null;
        }
        List<Hunk> hunks = new ArrayList<>();
        try {
            while (i < lines.length && lines[i].startsWith("@@ ")) {
                i = parseHunk(lines, i, hunks);
            }
            if (i < lines.length && !lines[i].startsWith("diff --git ")) {
                throw new DiffParseException("a line outside any hunk: " + shorten(lines[i])
                        + " (a hunk header counts fewer lines than follow it)");
            }
        } catch (DiffParseException e) {
            while (i < lines.length && !lines[i].startsWith("diff --git ")) {
                i++;
            }
            out.add(FileDiff.unreadable(oldPath, newPath, type, e.getMessage()));
            return i;
        }
        out.add(new FileDiff(oldPath, newPath, type, binary, oldMode, newMode, hunks));
        return i;
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** A line number or count from a hunk header: a non-negative int, or the hunk is impossible. */
    private static int number(String text, String header) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DiffParseException("impossible line number " + shorten(text) + " in " + shorten(header));
        }
    }

    private int parseHunk(String[] lines, int start, List<Hunk> out) {
        Matcher m = HUNK_HEADER.matcher(lines[start]);
        if (!m.matches()) {
            throw new DiffParseException("malformed hunk header: " + shorten(lines[start]));
        }
        int oldStart = number(m.group(1), lines[start]);
        int oldCount = m.group(2) == null ? 1 : number(m.group(2), lines[start]);
        int newStart = number(m.group(3), lines[start]);
        int newCount = m.group(4) == null ? 1 : number(m.group(4), lines[start]);
        if ((long) oldStart + oldCount > Integer.MAX_VALUE || (long) newStart + newCount > Integer.MAX_VALUE) {
            throw new DiffParseException("impossible line numbers in " + shorten(lines[start]));
        }
        List<DiffLine> body = new ArrayList<>();
        int oldLine = oldStart;
        int newLine = newStart;
        int oldLeft = oldCount;
        int newLeft = newCount;
        int i = start + 1;
        while (i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i].startsWith("\\"))) {
            String line = lines[i];
            if (line.startsWith("\\")) {
                i++;
                continue;
            }
            char marker = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            switch (marker) {
                case '+' -> {
                    body.add(new DiffLine(LineKind.ADDED, 0, newLine++, text));
                    newLeft--;
                }
                case '-' -> {
                    body.add(new DiffLine(LineKind.REMOVED, oldLine++, 0, text));
                    oldLeft--;
                }
                case ' ' -> {
                    body.add(new DiffLine(LineKind.CONTEXT, oldLine++, newLine++, text));
                    oldLeft--;
                    newLeft--;
                }
                default -> throw new DiffParseException("unexpected line in hunk " + shorten(lines[start]) + ": " + shorten(line));
            }
            i++;
        }
        if (oldLeft > 0 || newLeft > 0) {
            throw new DiffParseException("hunk " + shorten(lines[start]) + " ends early: the diff is truncated");
        }
        out.add(new Hunk(oldStart, oldCount, newStart, newCount, m.group(5), body));
        return i;
    }

    /** Splits on LF; a CR before it belongs to the line ending, not to the text. */
    private static String[] splitLines(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
            String[] trimmed = new String[lines.length - 1];
            System.arraycopy(lines, 0, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return lines;
    }

    /**
     * The two paths of {@code diff --git a/X b/Y}. Unquoted paths may contain spaces, so for an unquoted
     * pair the split is taken where both halves name the same file; renames are settled by later lines.
     */
    private static String[] pathsOfDiffGitLine(String rest) {
        if (rest.startsWith("\"")) {
            int end = endOfQuoted(rest, 0);
            String first = unquote(rest.substring(0, end + 1));
            String second = rest.substring(end + 1).trim();
            return new String[] {stripPrefix(first, "a/"), stripPrefix(unquote(second), "b/")};
        }
        if (rest.endsWith("\"")) {
            int open = rest.lastIndexOf(" \"");
            return new String[] {
                stripPrefix(rest.substring(0, open), "a/"), stripPrefix(unquote(rest.substring(open + 1)), "b/")
            };
        }
        int len = rest.length();
        if ((len - 5) % 2 == 0 && len > 5) {
            int half = (len - 5) / 2;
            String first = rest.substring(2, 2 + half);
            String second = rest.substring(len - half);
            if (first.equals(second) && rest.startsWith("a/") && rest.startsWith(" b/", 2 + half)) {
                return new String[] {first, second};
            }
        }
        int split = rest.indexOf(" b/");
        if (split < 0) {
            return new String[] {stripPrefix(rest, "a/"), stripPrefix(rest, "a/")};
        }
        return new String[] {stripPrefix(rest.substring(0, split), "a/"), rest.substring(split + 3)};
    }

    /** The path of a {@code ---}/{@code +++} line, or null for {@code /dev/null}. */
    private static String pathOfFileLine(String value, String prefix) {
        String path = value;
        if (path.startsWith("\"")) {
            // git writes a quoted name, then a tab when the name has a space: the name ends at its closing quote.
            path = path.substring(0, endOfQuoted(path, 0) + 1);
        } else {
            int tab = path.indexOf('\t');
            if (tab >= 0) {
                path = path.substring(0, tab);
            }
        }
        path = unquote(path);
        if (path.equals("/dev/null")) {
            return null;
        }
        return stripPrefix(path, prefix);
    }

    private static String stripPrefix(String path, String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static int endOfQuoted(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new DiffParseException("unterminated quoted path: " + text);
    }

    /** Undoes git's C-style quoting ({@code "a/sp\303\251cial\tname"}); octal escapes are UTF-8 bytes. */
    static String unquote(String text) {
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String body = text.substring(1, text.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new DiffParseException("a quoted path ends in a lone backslash: " + shorten(text));
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case '"' -> bytes.write('"');
                case '\\' -> bytes.write('\\');
                default -> {
                    if (next >= '0' && next <= '7') {
                        if (i + 3 > body.length() || !body.substring(i, i + 3).matches("[0-7]{3}")) {
                            throw new DiffParseException("a quoted path has a broken octal escape: " + shorten(text));
                        }
                        bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        bytes.write(next);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
