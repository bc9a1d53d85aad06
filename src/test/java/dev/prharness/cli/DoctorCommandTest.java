package dev.prharness.cli;

import static dev.prharness.testing.FakeOpenAi.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.FakeOpenAi;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pr-harness doctor} against a working endpoint, one without tool calling, and GitHub. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWorkingEndpointAndTokenAreReportedAndExitZero() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("A.java", "class A {}\n");
        repo.commit("base");
        try (FakeOpenAi openAi = new FakeOpenAi(); FakeGitHub github = new FakeGitHub(repo, "acme/widgets")
                .acceptToken("gh-doctor").botLogin("octo-doctor")) {
            openAi.otherwise(r -> openAi.toolCalls(r.model(), call("ping", "{\"answer\": \"ok\"}")));

            CliRun run = CliRun.of(Map.of("OPENAI_API_KEY", "sk-doctor", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "PR_HARNESS_MODEL", "strong", "PR_HARNESS_CHEAP_MODEL", "cheap", "GITHUB_TOKEN", "gh-doctor",
                    "GITHUB_API_URL", github.apiUrl()), "doctor");

            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("strong strong: tool calls work"), run.out());
            assertTrue(run.out().contains("cheap  cheap: tool calls work"), run.out());
            assertTrue(run.out().contains("the token acts as octo-doctor"), run.out());
        }
    }

    @Test
    void anEndpointThatDoesNotCallToolsIsNamedWithTheFix() {
        try (FakeOpenAi openAi = new FakeOpenAi()) {
            openAi.otherwise(r -> openAi.text(r.model(), "pong"));

            CliRun run = CliRun.of(Map.of("OPENAI_API_KEY", "sk-doctor", "OPENAI_BASE_URL", openAi.baseUrl(),
                    "PR_HARNESS_MODEL", "local-model"), "doctor");

            assertEquals(3, run.exitCode());
            assertTrue(run.out().contains("did not call the tool") && run.out().contains("--enable-auto-tool-choice"), run.out());
            assertTrue(run.out().contains("no GITHUB_TOKEN"), run.out());
        }
    }
}
