package dev.prharness.tools;

import dev.prharness.change.RepositoryPath;
import dev.prharness.harness.ToolException;
import dev.prharness.safety.UntrustedText;

/** Checks a path the model gave: relative to the repository and not leaving it. */
final class RepoPath {

    private RepoPath() {}

    static String check(String path) {
        return RepositoryPath.normalise(path).orElseThrow(() -> new ToolException(UntrustedText.quote(path)
                + " is not a path inside the repository; use a repository-relative path like src/main/java/A.java"));
    }
}
