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
        assertEquals("Dockerfile", action.at("/runs/image").asText());
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
    void theDockerfileBuildsTheSameJarAndRunsTheActionAsNonRoot() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        String text = String.join("\n", lines);
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "multi-stage: build and runtime");
        assertTrue(froms.get(0).contains("temurin-21") && froms.get(1).contains("temurin:21-jre"), "same Java major, JRE at runtime");
        assertTrue(text.contains("mvn -B -q -DskipTests package"), "built by the same Maven build");
        assertTrue(text.contains("COPY --from=build /src/target/pr-harness.jar /app/pr-harness.jar"), "the jar the tests use");
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertFalse(user.matches("USER\\s+(root|0)\\s*"), "runs as non-root: " + user);
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertTrue(entrypoint.contains("\"-jar\", \"/app/pr-harness.jar\", \"action\"]"), entrypoint);
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>pr-harness</finalName>"),
                "the pom names the jar the Dockerfile copies");
    }
}
