package dev.prharness.tools;

import dev.prharness.harness.ToolException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks a path the model gave: relative to the repository and not leaving it. */
final class RepoPath {

    private RepoPath() {}

    static String check(String path) {
        if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")
                || path.contains("\u0000")) {
            throw new ToolException("'" + path + "' is not a repository-relative path; use a path like src/main/java/A.java");
        }
        try {
            Path normalised = Path.of(path).normalize();
            if (normalised.startsWith("..") || normalised.toString().isEmpty()) {
                throw new ToolException("'" + path + "' points outside the repository; only files of the change's "
                        + "repository can be read");
            }
            return normalised.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            throw new ToolException("'" + path + "' is not a valid path");
        }
    }
}
