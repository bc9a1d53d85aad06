package dev.prharness.instructions;

import dev.prharness.diff.Diff;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.PathGlob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the instruction files a team already keeps for AI tools and decides which apply to which reviewed file:
 * {@code .github/copilot-instructions.md} to every file; the nearest {@code AGENTS.md} and the nearest {@code CLAUDE.md}
 * (in the file's folder or the closest folder above it, up to the root) to the files below them;
 * {@code .github/instructions/NAME.instructions.md} to the files its {@code applyTo} globs match (front matter, comma
 * separated; a file without {@code applyTo} applies to none). Bounded: at most {@value #MAX_FILE_CHARS} characters of
 * a file and {@value #MAX_TOTAL_CHARS} in all; what is cut or left out is named.
 */
public final class InstructionFiles {

    static final int MAX_FILE_CHARS = 6_000;
    static final int MAX_TOTAL_CHARS = 12_000;
    private static final String COPILOT = ".github/copilot-instructions.md";
    private static final String SCOPED_FOLDER = ".github/instructions";
    private static final List<String> NEAREST = List.of("AGENTS.md", "CLAUDE.md");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n?", Pattern.DOTALL);
    private static final Pattern APPLY_TO = Pattern.compile("(?m)^applyTo:\\s*(.+?)\\s*$");

    private InstructionFiles() {}

    /** The instruction files that apply to the files a change leaves (its new paths). */
    public static TeamInstructions forChange(InstructionSource source, Diff diff) {
        return read(source, diff.files().stream().map(FileDiff::newPath).filter(java.util.Objects::nonNull).toList());
    }

    public static TeamInstructions read(InstructionSource source, List<String> reviewed) {
        if (reviewed.isEmpty()) {
            return TeamInstructions.NONE;
        }
        List<String> candidates = new ArrayList<>(List.of(COPILOT));
        for (String path : reviewed) {
            for (String folder : folders(path)) {
                NEAREST.forEach(name -> {
                    String candidate = folder.isEmpty() ? name : folder + "/" + name;
                    if (!candidates.contains(candidate)) {
                        candidates.add(candidate);
                    }
                });
            }
        }
        source.filesIn(SCOPED_FOLDER).stream().filter(p -> p.endsWith(".instructions.md")).sorted().forEach(candidates::add);
        Map<String, Optional<String>> texts = source.read(candidates);

        Map<String, List<String>> applies = new LinkedHashMap<>();
        for (String candidate : candidates) {
            Optional<String> text = texts.getOrDefault(candidate, Optional.empty());
            if (text.isEmpty() || text.get().isBlank()) {
                continue;
            }
            List<String> to = new ArrayList<>();
            for (String path : reviewed) {
                if (appliesTo(candidate, text.get(), path, texts)) {
                    to.add(path);
                }
            }
            if (!to.isEmpty()) {
                applies.put(candidate, to);
            }
        }
        return bounded(applies, texts);
    }

    private static boolean appliesTo(String file, String text, String path, Map<String, Optional<String>> texts) {
        if (file.equals(COPILOT)) {
            return true;
        }
        if (file.startsWith(SCOPED_FOLDER + "/")) {
            Matcher front = FRONT_MATTER.matcher(text);
            Matcher applyTo = front.find() ? APPLY_TO.matcher(front.group(1)) : null;
            if (applyTo == null || !applyTo.find()) {
                return false;
            }
            for (String glob : globs(applyTo.group(1).replaceAll("^[\"']|[\"']$", ""))) {
                String g = glob.strip();
                if (!g.isEmpty() && PathGlob.valid(g) && (g.equals("**") || g.equals("**/*") || PathGlob.matches(g, path))) {
                    return true;
                }
            }
            return false;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        // The nearest file of that name above the reviewed file is this one.
        for (String folder : folders(path)) {
            String candidate = folder.isEmpty() ? name : folder + "/" + name;
            if (texts.getOrDefault(candidate, Optional.empty()).filter(t -> !t.isBlank()).isPresent()) {
                return candidate.equals(file);
            }
        }
        return false;
    }

    /** An {@code applyTo} list: globs separated by commas, except the commas inside a {@code {a,b}} group. */
    static List<String> globs(String applyTo) {
        List<String> globs = new ArrayList<>();
        int depth = 0;
        StringBuilder glob = new StringBuilder();
        for (char c : applyTo.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ',' && depth <= 0) {
                globs.add(glob.toString());
                glob.setLength(0);
            } else {
                glob.append(c);
            }
        }
        globs.add(glob.toString());
        return globs;
    }

    /** The folders holding {@code path}, nearest first, down to the root (""). */
    private static List<String> folders(String path) {
        List<String> folders = new ArrayList<>();
        String folder = path;
        while (folder.contains("/")) {
            folder = folder.substring(0, folder.lastIndexOf('/'));
            folders.add(folder);
        }
        folders.add("");
        return folders;
    }

    private static TeamInstructions bounded(Map<String, List<String>> applies, Map<String, Optional<String>> texts) {
        List<TeamInstructions.File> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, List<String>> entry : applies.entrySet()) {
            String text = FRONT_MATTER.matcher(texts.get(entry.getKey()).orElseThrow()).replaceFirst("").strip();
            if (total >= MAX_TOTAL_CHARS) {
                notes.add("left out " + entry.getKey() + ": over the " + MAX_TOTAL_CHARS + "-character limit of instructions");
                continue;
            }
            int room = Math.min(MAX_FILE_CHARS, MAX_TOTAL_CHARS - total);
            if (text.length() > room) {
                notes.add(entry.getKey() + " cut after " + room + " of its " + text.length() + " characters");
                text = text.substring(0, room);
            }
            total += text.length();
            files.add(new TeamInstructions.File(entry.getKey(), entry.getValue(), text));
        }
        return new TeamInstructions(files, notes);
    }
}
