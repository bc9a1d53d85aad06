package dev.prharness.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --format text} output for a terminal or a log: one line per finding, colour when asked. */
public final class TextReport implements ReviewRenderer {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";

    /** Files named for one reason to skip; more are counted. */
    private static final int LISTED = 5;

    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String render(Review review) {
        StringBuilder out = new StringBuilder();
        out.append(paint(BOLD, "pr-harness review ")).append(SummaryWriter.shortSha(review.baseSha())).append("..")
                .append(SummaryWriter.shortSha(review.headSha())).append(": ")
                .append(Plural.count(review.stats().filesReviewed(), "file")).append(" reviewed, ")
                .append(Plural.count(review.comments().size(), "comment"))
                .append(review.fileNotes().isEmpty() ? "" : ", " + review.fileNotes().size() + " outside the diff")
                .append('\n');
        for (ReviewComment c : review.comments()) {
            out.append('\n').append(location(c.path(), c.startLine(), c.line(), c.side().name()))
                    .append("  ").append(severity(c.severity())).append("  ")
                    .append(paint(DIM, "[" + c.source() + (c.rule() == null ? "" : " " + c.rule()) + "]"))
                    .append('\n').append(indent(c.message()));
            RuleHelp help = c.help();
            if (!help.why().isEmpty()) {
                out.append("    why: ").append(help.why()).append('\n');
            }
            if (!help.fix().isEmpty()) {
                out.append("    fix: ").append(help.fix()).append('\n');
            }
            if (c.suggestion() != null) {
                out.append(c.suggestion().isEmpty() ? "    suggestion: remove the line\n"
                        : "    suggestion:\n" + indent(indent(c.suggestion())));
            }
            if (!help.suppression().isEmpty()) {
                out.append(paint(DIM, "    suppress: " + help.suppression())).append('\n');
            }
            if (!help.docUrl().isEmpty()) {
                out.append(paint(DIM, "    docs: " + help.docUrl())).append('\n');
            }
            if (!c.alsoLines().isEmpty()) {
                out.append("    also on ").append(c.alsoLines().size() == 1 ? "line " : "lines ")
                        .append(CommentMarkdown.lineList(c.alsoLines())).append('\n');
            }
        }
        if (!review.fileNotes().isEmpty()) {
            out.append('\n').append(paint(BOLD, "Outside the diff")).append('\n');
            for (FileNote n : review.fileNotes()) {
                out.append(location(n.path(), null, n.line(), "RIGHT")).append("  ").append(severity(n.severity()))
                        .append("  ").append(paint(DIM, "[" + n.source() + (n.rule() == null ? "" : " " + n.rule()) + "]"))
                        .append(' ').append(n.message().replaceAll("\\s+", " ").strip()).append('\n');
            }
        }
        if (!review.skippedFiles().isEmpty()) {
            out.append('\n').append(paint(BOLD, "Skipped")).append('\n');
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            review.skippedFiles().forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.path()));
            byReason.forEach((reason, paths) -> out.append("  ").append(paths.size() == 1 ? paths.get(0)
                    : Plural.count(paths.size(), "file") + " (" + String.join(", ", paths.stream().limit(LISTED).toList())
                            + (paths.size() > LISTED ? ", …" : "") + ")").append(": ").append(reason).append('\n'));
        }
        out.append('\n').append(paint(DIM, SummaryWriter.footer(review.stats()).replaceAll("</?sub>", ""))).append('\n');
        return out.toString();
    }

    private String location(String path, Integer startLine, int line, String side) {
        String lines = startLine == null ? String.valueOf(line) : startLine + "-" + line;
        return paint(BOLD, path + ":" + lines + ("LEFT".equals(side) ? " (old)" : ""));
    }

    private String severity(Severity severity) {
        String code = switch (severity) {
            case ERROR -> "\u001B[31m";
            case WARNING -> "\u001B[33m";
            case INFO -> "\u001B[36m";
        };
        return paint(code, severity.label());
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }
}
