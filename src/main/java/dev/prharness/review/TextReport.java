package dev.prharness.review;

/** The {@code --format text} output for a terminal or a log: one line per finding, colour when asked. */
public final class TextReport implements ReviewRenderer {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";

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
            if (c.suggestion() != null) {
                out.append("    suggestion:\n").append(indent(indent(c.suggestion())));
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
            review.skippedFiles().forEach(s -> out.append("  ").append(s.path()).append(": ").append(s.reason()).append('\n'));
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
