package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.testing.FakeGitHub;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request of 3,000 files (GitHub's maximum) reviewed linters-only in bounded work: the repository, its
 * config and the file list are read once, files are listed 100 per page, at most {@code max_files} are read
 * and linted, and the rest are listed as not reviewed.
 */
class LargePullRequestTest {

    private static final int FILES = 3_000;

    @TempDir
    Path dir;

    @Test
    void threeThousandFilesAreReviewedWithinABoundedNumberOfApiCalls() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README.md", "# big\n");
        String base = repo.commit("base");
        for (int i = 0; i < FILES; i++) {
            repo.write("src/main/java/big/p" + (i % 30) + "/C" + i + ".java",
                    "package big.p" + (i % 30) + ";\n\nclass C" + i + " {\n    int value" + i + ";\n}\n");
        }
        String head = repo.commit("three thousand files");
        try (FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-big")) {
            github.pullRequest(7, base, head);
            long started = System.nanoTime();

            CliRun run = CliRun.of(Map.of("GITHUB_TOKEN", "gh-big", "GITHUB_API_URL", github.apiUrl()), "review-pr",
                    "acme/widgets#7", "--no-ai");

            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int calls = github.requests().size();
            System.out.println("3,000-file pull request, linters only: " + seconds + " s, " + calls + " API calls");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(calls <= 150, calls + " API calls: " + histogram(github));
            String summary = github.issueComments().get(0).path("body").asText();
            assertTrue(summary.contains("2700 files") || summary.contains("2,700 files"), summary.substring(0, Math.min(2000, summary.length())));
            assertTrue(summary.contains("max_files"), "the summary says why the rest were not reviewed");
        }
    }

    @Test
    void aPushOfMoreFilesThanAComparisonListsIsReviewedWholeWithANote() {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README.md", "# big\n");
        String base = repo.commit("base");
        repo.write("src/main/java/big/First.java", "package big;\n\nclass First {\n}\n");
        String first = repo.commit("first");
        for (int i = 0; i < 310; i++) {
            repo.write("src/main/java/big/q/D" + i + ".java", "package big.q;\n\nclass D" + i + " {\n}\n");
        }
        String second = repo.commit("310 more files");
        try (FakeGitHub github = new FakeGitHub(repo, "acme/widgets").acceptToken("gh-big")) {
            FakeGitHub.Pr pr = github.pullRequest(7, base, first);
            Map<String, String> env = Map.of("GITHUB_TOKEN", "gh-big", "GITHUB_API_URL", github.apiUrl());
            assertEquals(0, CliRun.of(env, "review-pr", "acme/widgets#7", "--no-ai").exitCode());
            pr.headSha = second;

            CliRun run = CliRun.of(env, "review-pr", "acme/widgets#7", "--no-ai");

            assertEquals(0, run.exitCode(), run.err());
            String summary = github.issueComments().get(0).path("body").asText();
            assertTrue(summary.contains("more than a comparison lists, so the whole pull request was reviewed again"), summary);
            assertTrue(summary.contains("<!-- pr-harness:state head=" + second), summary);
        }
    }

    private static String histogram(FakeGitHub github) {
        Map<String, Long> byPath = new java.util.TreeMap<>();
        github.requests().forEach(r -> byPath.merge(r.method() + " " + r.path().replaceAll("/\\d+", "/N")
                .replaceAll("/contents/.*", "/contents/*"), 1L, Long::sum));
        return byPath.toString();
    }
}
