package dev.prharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code action.yml} and the {@code Dockerfile} as GitHub and Docker will read them (no Docker engine here). */
class ActionFilesTest {

    @Test
    void actionYmlIsADockerActionWithTheContractsInputsAndOutputs() throws Exception {
        JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("action.yml")));
        assertEquals("docker", action.at("/runs/using").asText());
        String version = Files.readString(Path.of("pom.xml")).replaceFirst("(?s).*?<artifactId>pr-harness</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertEquals("docker://ghcr.io/pr-harness/pr-harness:v" + version, action.at("/runs/image").asText(),
                "a prebuilt image of this version: nothing is built when a workflow runs");
        for (String input : List.of("github-token", "openai-api-key", "openai-base-url", "model", "cheap-model", "fail-on", "config")) {
            assertTrue(action.at("/inputs").has(input), "input " + input);
            assertTrue(action.at("/inputs/" + input + "/description").asText().length() > 10, "described: " + input);
        }
        assertEquals("${{ github.token }}", action.at("/inputs/github-token/default").asText());
        assertEquals("none", action.at("/inputs/fail-on/default").asText());
        assertEquals("https://api.openai.com/v1", action.at("/inputs/openai-base-url/default").asText());
        assertTrue(action.at("/outputs").has("comments") && action.at("/outputs").has("findings"));
        assertTrue(action.has("branding"));
    }

    @Test
    void theDockerfileCallsOnlyTheTestedScriptsAndRunsTheActionAsGitHubAsks() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        String text = String.join("\n", lines);
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "multi-stage: build and runtime");
        assertTrue(froms.get(0).contains("temurin-25"), "built with JDK 25, the runtime's version: " + froms.get(0));
        assertTrue(text.contains("mvn -B -q -DskipTests package"), "built by the same Maven build");
        for (String script : List.of("src/docker/runtime.sh", "src/docker/train-aot.sh", "src/docker/java-options")) {
            assertTrue(text.contains(script), "the Dockerfile uses " + script);
            assertTrue(Files.isRegularFile(Path.of(script)), script + " exists");
        }
        assertTrue(text.contains("COPY --from=build /app /app"), "the runtime, jar and cache at the paths the cache was made with");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("USER ")), "GitHub runs Docker actions as the image's default user, root");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("WORKDIR")) || text.indexOf("WORKDIR") < text.indexOf(froms.get(1)),
                "the runtime stage relies on no working directory");
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertEquals("ENTRYPOINT [\"/app/runtime/bin/java\", \"@/app/java-options\", \"-XX:AOTCache=/app/pr-harness.aot\", "
                + "\"-jar\", \"/app/pr-harness.jar\", \"action\"]", entrypoint, "the command ActionImageIT runs");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>pr-harness</finalName>"),
                "the pom names the jar the Dockerfile copies");
    }

    @Test
    void theReleaseWorkflowPublishesTheImageActionYmlNamesForBothArchitectures() throws Exception {
        JsonNode release = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(".github/workflows/release.yml")));
        String steps = release.at("/jobs/release/steps").toString();
        assertTrue(steps.contains("docker/build-push-action") && steps.contains("linux/amd64,linux/arm64"), steps);
        assertTrue(steps.contains("action.yml does not name"), "the release refuses a tag action.yml does not name");
        assertEquals("write", release.at("/permissions/packages").asText());
    }
}
