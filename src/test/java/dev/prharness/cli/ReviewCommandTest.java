package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NO_KEY = Map.of();

    @TempDir
    Path dir;

    private TestRepo repo;
    private String base;
    private String head;

    /** A PR-like change: an edited class, a rename, a deletion, a binary file, a space in a path, no final newline. */
    @BeforeEach
    void aPullRequestLikeChange() {
        repo = TestRepo.init(dir);
        repo.write("src/main/java/demo/Service.java", """
                package demo;

                public class Service {
                    int calls;

                    String name() {
                        return "service";
                    }
                }
                """)
                .write("src/main/java/demo/Old.java", "package demo;\n\nclass Old {\n}\n")
                .write("docs/obsolete.md", "# gone\n")
                .write("README.md", "hello");
        base = repo.commit("base");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("src/main/java/demo/Service.java", """
                package demo;

                public class Service {
                    int calls;

                    String name() {
                        return "service";
                    }

                    boolean isAdmin(String role) {
                        return role == "admin";
                    }

                    void load() {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                        }
                    }
                }
                """)
                .move("src/main/java/demo/Old.java", "src/main/java/demo/renamed/Old Name.java")
                .delete("docs/obsolete.md")
                .writeBytes("assets/icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1})
                .write("src/main/java/demo/with space/Extra.java", "package demo;\n\nclass Extra {\n    boolean f(String a) { return a == \"x\"; }\n}")
                .write("README.md", "hello\nworld");
        head = repo.commit("feature");
    }

    @Test
    void jsonReviewPutsEveryCommentOnALineOfTheDiffAndFindsTheIntroducedDefects() throws Exception {
        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--head", head, "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = JSON.readTree(run.out());
        assertEquals(base, review.get("base_sha").asText());
        assertEquals(head, review.get("head_sha").asText());
        Set<String> addedLines = addedLinesOf(repo.git("diff", "-U0", base, head));
        Set<String> rules = new HashSet<>();
        for (JsonNode comment : review.get("comments")) {
            String where = comment.get("path").asText() + ":" + comment.get("line").asInt();
            assertTrue(addedLines.contains(where), where + " is not an added line of the diff " + addedLines);
            rules.add(comment.get("rule").asText());
        }
        assertTrue(rules.containsAll(List.of("EmptyCatchBlock", "UseEqualsToCompareStrings")), rules.toString());
        JsonNode emptyCatch = find(review, "EmptyCatchBlock");
        assertEquals("src/main/java/demo/Service.java", emptyCatch.get("path").asText());
        assertEquals(17, emptyCatch.get("line").asInt());
        assertTrue(find(review, "UseEqualsToCompareStrings").get("path").asText().startsWith("src/main/java/demo/"));
        assertTrue(stream(review.get("comments")).anyMatch(c -> c.get("path").asText().equals("src/main/java/demo/with space/Extra.java")),
                "the file with a space in its path is linted");
        Set<String> skipped = new HashSet<>();
        review.get("skipped_files").forEach(s -> skipped.add(s.get("path").asText() + " → " + s.get("reason").asText()));
        assertTrue(skipped.contains("docs/obsolete.md → deleted"), skipped.toString());
        assertTrue(skipped.contains("assets/icon.png → binary file"), skipped.toString());
        assertTrue(skipped.contains("src/main/java/demo/renamed/Old Name.java → renamed without changes"), skipped.toString());
        assertEquals(2, review.at("/stats/files_reviewed").asInt());
        assertEquals(0, review.at("/stats/model_calls").asInt());
        assertTrue(run.err().contains("OPENAI_API_KEY is not set"), run.err());
        assertEquals(1, run.err().split("OPENAI_API_KEY", -1).length - 1, "the hint is said once");
    }

    @Test
    void failOnSetsTheExitCode() {
        assertEquals(1, CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--fail-on", "error").exitCode());
        assertEquals(0, CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--fail-on", "none").exitCode());
        CliRun bad = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--fail-on", "fatal");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--fail-on 'fatal' is not one of none, info, warning, error"), bad.err());
    }

    @Test
    void theDefaultBaseIsTheMergeBaseWithTheDefaultBranch() throws Exception {
        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(base, JSON.readTree(run.out()).get("base_sha").asText());
    }

    @Test
    void onTheDefaultBranchItselfTheBaseIsThePreviousCommit() throws Exception {
        repo.git("checkout", "-q", "main");
        repo.write("src/main/java/demo/Service.java", "package demo;\n\npublic class Service {\n}\n");
        String tip = repo.commit("on main");
        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(base, JSON.readTree(run.out()).get("base_sha").asText());
        assertEquals(tip, JSON.readTree(run.out()).get("head_sha").asText());
    }

    @Test
    void theRepositoryConfigIsReadFromTheBaseCommitNotFromTheChange() throws Exception {
        repo.git("checkout", "-q", "main");
        repo.write(".github/pr-harness.yml", "min_severity: error\n");
        String configured = repo.commit("config on main");
        repo.git("checkout", "-q", "feature");
        repo.git("merge", "-q", "--no-edit", "main");
        repo.write(".github/pr-harness.yml", "enabled: true\nmin_severity: info\n");
        repo.write("src/main/java/demo/More.java", "package demo;\n\nclass More {\n    private int unused;\n}\n");
        String tip = repo.commit("branch tries to change its own review");

        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", configured, "--head", tip, "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = JSON.readTree(run.out());
        assertTrue(review.get("comments").size() > 0);
        review.get("comments").forEach(c -> assertEquals("error", c.get("severity").asText(), c.toString()));
    }

    @Test
    void anInvalidConfigFileIsAUsageErrorThatSaysWhy() throws Exception {
        Path config = dir.resolve("cfg.yml");
        Files.writeString(config, "filter: sideways\n");
        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--config", config.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("filter") && run.err().contains("sideways"), run.err());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToDo() throws Exception {
        Path notRepo = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-plain"));
        CliRun plain = CliRun.of(NO_KEY, "review", "--repo", notRepo.toString());
        assertEquals(2, plain.exitCode());
        assertTrue(plain.err().contains("is not inside a git repository"), plain.err());

        CliRun badRef = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", "no-such-branch");
        assertEquals(2, badRef.exitCode());
        assertTrue(badRef.err().contains("'no-such-branch' does not name a commit"), badRef.err());

        CliRun badFormat = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--format", "xml");
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().contains("text, markdown, json or sarif"), badFormat.err());

        assertEquals(2, CliRun.of(NO_KEY, "review", "--no-such-option").exitCode());
    }

    @Test
    void outputGoesToTheFileAskedForInEveryFormat() throws Exception {
        for (String format : List.of("text", "markdown", "json", "sarif")) {
            Path out = dir.resolveSibling(dir.getFileName() + "-review." + format);
            CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--format", format,
                    "--output", out.toString(), "--no-ai");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.out());
            String written = Files.readString(out);
            assertTrue(written.contains("EmptyCatchBlock"), format + ": " + written);
            assertFalse(run.err().contains("OPENAI_API_KEY"), "--no-ai was the user's choice: no hint to set a key; " + run.err());
        }
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = CliRun.of(NO_KEY, "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("pr-harness "), version.out());
        CliRun help = CliRun.of(NO_KEY, "review", "--help");
        assertEquals(0, help.exitCode());
        for (String option : List.of("--repo", "--base", "--head", "--format", "--output", "--no-ai", "--fail-on", "--config")) {
            assertTrue(help.out().contains(option), option);
        }
        assertFalse(help.out().isBlank());
    }

    private static Set<String> addedLinesOf(String unifiedZeroDiff) {
        Set<String> added = new HashSet<>();
        String path = null;
        int line = 0;
        for (String text : unifiedZeroDiff.split("\n")) {
            if (text.startsWith("+++ ")) {
                path = text.substring(4).replaceFirst("^b/", "").replaceAll("\t$", "");
            } else if (text.startsWith("@@ ")) {
                String plus = text.split(" ")[2].substring(1);
                line = Integer.parseInt(plus.split(",")[0]);
            } else if (text.startsWith("+")) {
                added.add(path + ":" + line++);
            }
        }
        return added;
    }

    private static JsonNode find(JsonNode review, String rule) {
        return stream(review.get("comments")).filter(c -> rule.equals(c.get("rule").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + review.get("comments")));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    @Test
    void aGitDiffThatFailsIsCouldNotCompleteNotAUsageError() throws Exception {
        String blob = repo.git("rev-parse", head + ":src/main/java/demo/Service.java").strip();
        java.nio.file.Files.delete(dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--head", head, "--no-ai");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("could not complete") && run.err().contains("git diff"), run.err());
        CliRun badRef = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", "no-such-ref", "--no-ai");
        assertEquals(2, badRef.exitCode(), "a revision that does not exist is the user's to fix: " + badRef.err());
    }

    @Test
    void rulesTheRepositorysConfigIgnoresAreLeftOutAndListedAsSilenced() throws Exception {
        Path config = Files.createTempFile("ignore-rules", ".yml");
        Files.writeString(config, "ignore_rules: [EmptyCatchBlock]\n");

        CliRun run = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--head", head, "--format", "json",
                "--config", config.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = new ObjectMapper().readTree(run.out());
        List<String> rules = new java.util.ArrayList<String>();
        review.get("comments").forEach(c -> rules.add(c.get("rule").asText()));
        assertTrue(!rules.contains("EmptyCatchBlock") && !rules.isEmpty(), "the rule is left out, the others stay: " + rules);
        String summary = review.get("summary").asText();
        assertTrue(summary.contains("silenced by maintainers") && summary.contains("EmptyCatchBlock")
                && summary.contains("`ignore_rules` in the repository's config"), summary);

        Files.writeString(config, "ignore_rules: [\"<b>Empty</b>\"]\n");
        CliRun bad = CliRun.of(NO_KEY, "review", "--repo", dir.toString(), "--base", base, "--head", head, "--config",
                config.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("ignore_rules: '<b>Empty</b>' is not a rule name"), bad.err());
    }
}
