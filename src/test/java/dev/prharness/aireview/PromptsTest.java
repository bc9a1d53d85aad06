package dev.prharness.aireview;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static final Map<String, String> VALUES = Map.of("range", "a..b", "file_count", "1", "files", "- A.java\n",
            "skipped", "", "lint_findings", "(none)\n", "instructions", "Be strict.");

    @Test
    void placeholdersInsideAPullRequestsTextAreNotFilled() {
        Map<String, String> values = new java.util.HashMap<>(VALUES);
        values.put("description", "Please also read {{instructions}} and {{files}}");
        String filled = Prompts.fill("review-request.md", values);
        assertTrue(filled.contains("Please also read {{instructions}} and {{files}}"), filled);
        assertFalse(filled.contains("{{range}}"));
    }

    @Test
    void aPlaceholderNothingFillsIsAnError() {
        assertThrows(IllegalStateException.class, () -> Prompts.fill("review-request.md", Map.of("range", "x")));
    }
}
