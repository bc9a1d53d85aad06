package dev.prharness.instructions;

import dev.prharness.safety.InertText;
import java.util.List;

/**
 * The team's instruction files that apply to the files under review: each with the reviewed files it applies to, its
 * text (cut to fit), and what was cut or left out for size, said in {@code notes}.
 */
public record TeamInstructions(List<File> files, List<String> notes) {

    public static final TeamInstructions NONE = new TeamInstructions(List.of(), List.of());
    /** Reviewed files named per instruction file in the prompt; the rest are counted. */
    private static final int LISTED = 10;

    public TeamInstructions {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** One instruction file: where it is, the reviewed files it applies to, and its text. */
    public record File(String path, List<String> appliesTo, String text) {

        public File {
            appliesTo = List.copyOf(appliesTo);
        }
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** For the model: each file with the files it applies to, as the maintainers' own instructions. */
    public String prompt() {
        StringBuilder out = new StringBuilder();
        for (File file : files) {
            List<String> to = file.appliesTo();
            String listed = String.join(", ", to.subList(0, Math.min(LISTED, to.size())))
                    + (to.size() > LISTED ? " and " + (to.size() - LISTED) + " more" : "");
            out.append("\nFrom ").append(file.path()).append(" (applies to: ").append(listed).append("):\n")
                    .append(file.text().strip()).append('\n');
        }
        notes.forEach(note -> out.append("\n(").append(note).append(")\n"));
        return out.toString();
    }

    /** For the summary: which files were given to the model, and what was cut. */
    public String used() {
        if (files.isEmpty()) {
            return "";
        }
        return "Maintainers' instruction files given to the model: "
                + String.join(", ", files.stream().map(f -> InertText.codeSpan(f.path())).toList())
                + (notes.isEmpty() ? "." : "; " + String.join("; ", notes) + ".");
    }
}
