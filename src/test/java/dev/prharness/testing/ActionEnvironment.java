package dev.prharness.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment a GitHub Actions runner gives the action's container, for a pull_request event in a test. */
public final class ActionEnvironment {

    private ActionEnvironment() {}

    /** {@code event}: the event payload file; outputs and the job summary go to files in {@code dir}. */
    public static Map<String, String> pullRequest(Path dir, Path event, String repository, String apiUrl, String token) {
        return new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "pull_request",
                "GITHUB_EVENT_PATH", event.toString(), "GITHUB_REPOSITORY", repository,
                "GITHUB_API_URL", apiUrl, "GITHUB_OUTPUT", dir.resolve("github_output").toString(),
                "GITHUB_STEP_SUMMARY", dir.resolve("step_summary").toString(), "INPUT_GITHUB-TOKEN", token));
    }
}
