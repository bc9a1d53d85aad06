package dev.prharness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @Test
    void knownTokenFormatsAreRedacted() {
        String[][] cases = {
            {"token = \"ghp_" + "a".repeat(12) + "B1c2D3e4F5g6H7i8J9k0L1m2" + "\"", "github-token"},
            {"GH=ghs_" + "Zz9".repeat(12), "github-token"},
            {"github_pat_" + "11ABCDEFG0" + "x".repeat(40), "github-token"},
            {"OPENAI_API_KEY=sk-proj-" + "Ab3".repeat(15), "openai-key"},
            {"aws: AKIA" + "IOSFODNN7EXAMPLE", "aws-access-key"},
            {"slack xoxb-" + "123456789012-abcdefABCDEF", "slack-token"},
            {"url = https://deploy:" + "s3cretPass" + "@example.com/repo", "url-credentials"},
        };
        for (String[] c : cases) {
            String redacted = redactor.redact(c[0]);
            assertTrue(redacted.contains("[REDACTED:" + c[1] + "]"), c[0] + " -> " + redacted);
        }
    }

    @Test
    void privateKeyBlocksAreRedactedKeepingTheLineCount() {
        String text = "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAKC\n-----END RSA PRIVATE KEY-----\nafter";
        String redacted = redactor.redact(text);
        assertFalse(redacted.contains("MIIEow"));
        assertEquals(text.lines().count(), redacted.lines().count(), "line numbers after the key do not move");
        assertTrue(redacted.endsWith("after"));
    }

    @Test
    void highEntropyValuesAssignedToSecretNamesAreRedactedButCodeIsNot() {
        assertTrue(redactor.redact("DB_PASSWORD=Zq8!vR2#kLm9@Tx4").contains("[REDACTED:assigned-secret]"));
        assertTrue(redactor.redact("\"client_secret\": \"9f8e7d6c5b4a39281706f5e4\"").contains("[REDACTED:assigned-secret]"));
        assertEquals("password = getPassword(user);", redactor.redact("password = getPassword(user);"));
        assertEquals("token: ${GITHUB_TOKEN}", redactor.redact("token: ${GITHUB_TOKEN}"));
        assertEquals("secret = aaaaaaaaaaaa", redactor.redact("secret = aaaaaaaaaaaa"), "low entropy is not a secret");
    }

    @Test
    void ordinaryCodeIsLeftAlone() {
        String code = "int tokens = countTokens(text);\nString skip = \"sk-\";\nreturn ghost_value;";
        assertEquals(code, redactor.redact(code));
    }
}
