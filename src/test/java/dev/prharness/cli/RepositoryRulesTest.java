package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository's own rule set as real projects write one: a Checkstyle configuration beside its suppressions file,
 * named through {@code ${config_loc}}, read at the base commit while the process runs in another folder (the
 * tests run in the project's folder, the repository is a temporary one).
 */
class RepositoryRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String CHECKSTYLE = """
            <?xml version="1.0"?>
            <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
                "https://checkstyle.org/dtds/configuration_1_3.dtd">
            <module name="Checker">
              <module name="SuppressionFilter">
                <property name="file" value="${config_loc}/checkstyle-suppressions.xml"/>
              </module>
              <module name="JavadocPackage"/>
              <module name="TreeWalker">
                <module name="StringLiteralEquality"/>
              </module>
            </module>
            """;

    private static final String SUPPRESSIONS = """
            <?xml version="1.0"?>
            <!DOCTYPE suppressions PUBLIC "-//Checkstyle//DTD SuppressionFilter Configuration 1.2//EN"
                "https://checkstyle.org/dtds/suppressions_1_2.dtd">
            <suppressions>
              <suppress files="[/\\\\]generated[/\\\\]" checks=".*"/>
            </suppressions>
            """;

    /** A PMD ruleset that does not flag the comparison, so what is flagged is Checkstyle's. */
    private static final String PMD = """
            <?xml version="1.0"?>
            <ruleset name="project" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
              <description>only equals(null)</description>
              <rule ref="category/java/errorprone.xml/EqualsNull"/>
            </ruleset>
            """;

    private static final String COMPARES = """
            package demo%s;

            class Compares {
                boolean stop(String command) {
                    return command == "stop";
                }
            }
            """;

    @Test
    void aSuppressionsFileBesideTheConfigIsReadFromTheRepositoryAndWholeFolderChecksAreLeftOutWithANote() {
        TestRepo repo = repository(CHECKSTYLE);
        repo.write("src/main/java/demo/Compares.java", COMPARES.formatted(""))
                .write("src/main/java/demo/generated/Compares.java", COMPARES.formatted(".generated"));
        String head = repo.commit("two identical comparisons, one of them generated");

        CliRun run = CliRun.of(Map.of(), "review", "--repo", dir.toString(), "--base", "HEAD~1", "--head", head,
                "--no-ai", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode review = read(run.out());
        List<String> flagged = new ArrayList<>();
        review.get("comments").forEach(c -> flagged.add(c.get("path").asText() + " " + c.get("rule").asText()));
        assertTrue(flagged.contains("src/main/java/demo/Compares.java StringLiteralEquality"), flagged.toString());
        assertFalse(flagged.stream().anyMatch(f -> f.contains("generated")), "the suppressions file applied: " + flagged);
        assertFalse(flagged.stream().anyMatch(f -> f.contains("JavadocPackage")),
                "no package-info.java was changed, so none is missing: " + flagged);
        assertTrue(review.get("summary").asText().contains("Not run: `JavadocPackage`"), review.get("summary").asText());
    }

    @Test
    void aRuleSetTheLinterRefusesIsExitTwoNamingTheFileBeforeAnyLinting() {
        TestRepo repo = repository(CHECKSTYLE.replace("StringLiteralEquality", "StringLiteralEqualityy"));
        repo.write("src/main/java/demo/Compares.java", COMPARES.formatted(""));
        String head = repo.commit("a change");

        CliRun run = CliRun.of(Map.of(), "review", "--repo", dir.toString(), "--base", "HEAD~1", "--head", head, "--no-ai");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("config/checkstyle/checkstyle.xml") && run.err().contains("StringLiteralEqualityy"),
                run.err());
        assertEquals("", run.out(), "no review is printed with rules that were not the repository's");
    }

    @Test
    void theSuppressionsFileIsReadAtTheBaseCommitNotFromTheWorkingTree() {
        TestRepo repo = repository(CHECKSTYLE);
        repo.write("src/main/java/demo/generated/Compares.java", COMPARES.formatted(".generated"))
                .write("config/checkstyle/checkstyle-suppressions.xml", "<suppressions/>");
        String head = repo.commit("the change also empties the suppressions");

        CliRun run = CliRun.of(Map.of(), "review", "--repo", dir.toString(), "--base", "HEAD~1", "--head", head,
                "--no-ai", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, read(run.out()).get("comments").size(), "the base commit's suppressions still apply");
    }

    private TestRepo repository(String checkstyle) {
        TestRepo repo = TestRepo.init(dir);
        repo.write(".github/pr-harness.yml", "rules:\n  checkstyle: config/checkstyle/checkstyle.xml\n  pmd: config/pmd.xml\n")
                .write("config/checkstyle/checkstyle.xml", checkstyle)
                .write("config/pmd.xml", PMD)
                .write("config/checkstyle/checkstyle-suppressions.xml", SUPPRESSIONS)
                .write("src/main/java/demo/Start.java", "package demo;\n\nclass Start {\n}\n");
        repo.commit("rules");
        return repo;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
