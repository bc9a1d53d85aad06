package dev.prharness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The redactor measured on a corpus written here: secrets in many formats (made at run time, so the repository
 * holds none) and look-alikes that are not secrets. Recall and false positives are printed on the console; the
 * goal is every secret caught and at most 5% of look-alikes touched.
 */
class SecretCorpusTest {

    /** One sample: its format, the text around it, and the secret part that must not survive. */
    private record Secret(String format, String text, String secret) {}

    private static final Random RANDOM = new Random(20261129);
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecretRedactor redactor = new SecretRedactor();

    private static String random(int length, String alphabet) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String alnum(int length) {
        return random(length, ALNUM);
    }

    private static String pemBody() {
        byte[] key = new byte[600];
        RANDOM.nextBytes(key);
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key);
    }

    private static List<Secret> secrets() {
        List<Secret> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String ghp = "ghp_" + alnum(36);
            all.add(new Secret("github classic token", "export GITHUB_TOKEN=" + ghp, ghp));
            String pat = "github_pat_" + alnum(22) + "_" + alnum(59);
            all.add(new Secret("github fine-grained token", "token: " + pat, pat));
            String ghs = "ghs_" + alnum(36);
            all.add(new Secret("github app token", "Authorization: token " + ghs, ghs));
            String openai = "sk-proj-" + random(48, ALNUM + "-_");
            all.add(new Secret("openai key", "client = OpenAI(api_key=\"" + openai + "\")", openai));
            String anthropic = "sk-ant-api03-" + random(40, ALNUM + "-_");
            all.add(new Secret("anthropic key", "ANTHROPIC_API_KEY=" + anthropic, anthropic));
            String aws = "AKIA" + random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
            all.add(new Secret("aws access key id", "aws_access_key_id = " + aws, aws));
            String awsSecret = random(40, ALNUM + "+/");
            all.add(new Secret("aws secret key", "aws_secret_access_key = " + awsSecret, awsSecret));
            String slack = "xoxb-" + random(12, "0123456789") + "-" + alnum(24);
            all.add(new Secret("slack bot token", "SLACK_TOKEN: " + slack, slack));
            String hook = "https://hooks.slack.com/services/T" + alnum(8) + "/B" + alnum(8) + "/" + alnum(24);
            all.add(new Secret("slack webhook", "webhook_url = " + hook, hook.substring(30)));
            String google = "AIza" + random(35, ALNUM + "-_");
            all.add(new Secret("google api key", "<meta name=\"maps\" content=\"" + google + "\">", google));
            String stripe = "sk_live_" + alnum(24);
            all.add(new Secret("stripe key", "Stripe.apiKey = \"" + stripe + "\";", stripe));
            String npm = "npm_" + alnum(36);
            all.add(new Secret("npm token", "//registry.npmjs.org/:_authToken=" + npm, npm));
            String gitlab = "glpat-" + random(20, ALNUM + "-_");
            all.add(new Secret("gitlab token", "GITLAB_TOKEN=" + gitlab, gitlab));
            String sendgrid = "SG." + random(22, ALNUM + "-_") + "." + random(43, ALNUM + "-_");
            all.add(new Secret("sendgrid key", "sendgrid.key=" + sendgrid, sendgrid));
            String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ" + random(40, ALNUM + "-_") + "." + random(43, ALNUM + "-_");
            all.add(new Secret("jwt", "const session = '" + jwt + "';", jwt.substring(25)));
            String pem = pemBody();
            all.add(new Secret("private key block", "-----BEGIN RSA PRIVATE KEY-----\n" + pem + "\n-----END RSA PRIVATE KEY-----",
                    pem.lines().toList().get(3)));
            String lines = pemBody().lines().skip(1).limit(4).map(l -> "+" + l).reduce((a, b) -> a + "\n" + b).orElseThrow();
            all.add(new Secret("key body in a diff hunk", "@@ -10,4 +10,4 @@\n" + lines, lines.lines().toList().get(1).substring(1)));
            String fromLine2 = String.join("\n", pemBody().lines().skip(1).toList());
            all.add(new Secret("key body read from line 2", fromLine2 + "\n-----END PRIVATE KEY-----", fromLine2.lines().toList().get(0)));
            String urlPass = alnum(14);
            all.add(new Secret("url credentials", "DATABASE_URL=postgres://app:" + urlPass + "@db.internal:5432/app", urlPass));
            String jdbcPass = alnum(12) + "!";
            all.add(new Secret("jdbc password", "jdbc:postgresql://db/app?user=app&password=" + jdbcPass + "&ssl=true", jdbcPass));
            String netPass = alnum(10);
            all.add(new Secret(".net connection string", "Server=sql1;Database=app;User Id=app;Password=" + netPass + ";", netPass));
            String azure = random(86, ALNUM + "+/") + "==";
            all.add(new Secret("azure storage key", "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + azure
                    + ";EndpointSuffix=core.windows.net", azure));
            String bearer = HexFormat.of().formatHex(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
            all.add(new Secret("authorization bearer", "curl -H 'Authorization: Bearer " + bearer + "' https://api", bearer));
            String basic = Base64.getEncoder().encodeToString(("deploy:" + alnum(10)).getBytes(StandardCharsets.UTF_8));
            all.add(new Secret("authorization basic", "Authorization: Basic " + basic, basic));
        }
        all.add(new Secret("quoted passphrase", "password = \"correct horse battery staple\"", "correct horse battery staple"));
        all.add(new Secret("quoted passphrase", "passphrase = \"Tr0ub4dor&3xyzzy\"", "Tr0ub4dor&3xyzzy"));
        all.add(new Secret("short quoted password", "DB_PASSWORD = \"hunter2\"", "hunter2"));
        all.add(new Secret("json client secret", "{\"client_secret\": \"" + alnum(32) + "\"}", null));
        all.add(new Secret("yaml api key", "api_key: \"" + alnum(32) + "\"", null));
        all.add(new Secret("properties password", "spring.datasource.password=" + alnum(16), null));
        all.add(new Secret("env private key", "SIGNING_KEY=\"" + alnum(40) + "\"", null));
        all.add(new Secret("java string password", "String password = \"S3cure-" + alnum(6) + "\";", null));
        return all.stream().map(s -> s.secret() != null ? s : new Secret(s.format(), s.text(), secretPartOf(s.text()))).toList();
    }

    private static String secretPartOf(String text) {
        String quoted = text.replaceAll("(?s).*[\"=]\\s*\"?([^\"]{6,})\"?[;}]?$", "$1");
        return quoted.replace("\"", "").replace(";", "");
    }

    private static List<String> lookAlikes() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] sha = new byte[20];
            RANDOM.nextBytes(sha);
            all.add("Fixes the cache, see commit " + HexFormat.of().formatHex(sha) + ".");
            byte[] sha256 = new byte[32];
            RANDOM.nextBytes(sha256);
            all.add("sha256: " + HexFormat.of().formatHex(sha256));
            all.add("requestId = \"" + UUID.randomUUID() + "\";");
            all.add("String encoded = \"" + Base64.getEncoder().encodeToString(("hello widget " + i).getBytes(StandardCharsets.UTF_8)) + "\";");
            all.add("assertEquals(\"" + HexFormat.of().formatHex(sha).substring(0, 12) + "\", digest.substring(0, 12));");
        }
        all.addAll(List.of(
                "password = getPassword(user);",
                "String token = tokens.next();",
                "private static final String PASSWORD_FIELD = \"password\";",
                "private static final String TOKEN_HEADER = \"X-Auth-Token\";",
                "String passwordHint = \"at least 12 characters\";",
                "if (password.equals(confirmation)) {",
                "token: ${GITHUB_TOKEN}",
                "password: <password>",
                "api_key: YOUR_API_KEY",
                "secret = \"changeme\"",
                "DB_PASSWORD=${DB_PASSWORD}",
                "password: \"{{ vault_db_password }}\"",
                "token = os.environ[\"TOKEN\"]",
                "apiKey := os.Getenv(\"API_KEY\")",
                "Authorization: Bearer ${TOKEN}",
                "Authorization: Bearer <token>",
                "curl -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com/user",
                "jdbc:postgresql://db.internal:5432/app?user=app&ssl=true",
                "https://example.com/docs/authentication",
                "Server=sql1;Database=app;Integrated Security=true;",
                "The password must be changed every 90 days.",
                "// the token expires after one hour",
                "int tokens = countTokens(text);",
                "String skip = \"sk-\";",
                "return ghost_value;",
                "task-runner --parallel 4",
                "version: 1.2.3-SNAPSHOT",
                "color: #ff8800;",
                "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\">",
                "secretsManager.getSecretValue(request);",
                "tokenizer.split(\"a b c\");",
                "PasswordEncoder encoder = new BCryptPasswordEncoder();",
                "accessKeyId: process.env.AWS_ACCESS_KEY_ID",
                "private_key_path = \"/etc/app/key.pem\"",
                "-----BEGIN CERTIFICATE-----\n" + pemBody() + "\n-----END CERTIFICATE-----",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx1ZXJlbWlwc3VtZG9sb3JzaXRhbWV0 dev@laptop",
                "credentials: none",
                "token_ttl = 3600",
                "max_tokens_per_run: 200000",
                "git checkout -b feature/rotate-secrets",
                "SELECT id, password_hash FROM users WHERE id = ?",
                "passwordless login is enabled",
                "Set SECRET_KEY in the environment before you start the server.",
                "user.setPassword(encoder.encode(raw));",
                "expected: <[REDACTED:assigned-secret]>",
                "uuid = 123e4567-e89b-12d3-a456-426614174000",
                "api_key: \"\"",
                "password = \"\"",
                "secret_name = \"prod/db/password\"",
                "See https://github.com/acme/widgets/pull/7#issuecomment-88001"));
        return all;
    }

    @Test
    void everySecretIsCaughtAndLookAlikesAreLeftAlone() {
        List<Secret> secrets = secrets();
        List<String> lookAlikes = lookAlikes();
        Set<String> formats = new LinkedHashSet<>();
        secrets.forEach(s -> formats.add(s.format()));
        List<String> missed = new ArrayList<>();
        for (Secret s : secrets) {
            String redacted = redactor.redact(s.text());
            if (redacted.contains(s.secret()) || !redacted.contains("[REDACTED")) {
                missed.add(s.format() + ": " + s.text().lines().findFirst().orElse("") + " -> " + redacted.lines().findFirst().orElse(""));
            }
            assertEquals(s.text().split("\n", -1).length, redacted.split("\n", -1).length, "line count kept for " + s.format());
        }
        List<String> touched = lookAlikes.stream().filter(t -> !redactor.redact(t).equals(t)).toList();
        double recall = 100.0 * (secrets.size() - missed.size()) / secrets.size();
        double falsePositives = 100.0 * touched.size() / lookAlikes.size();
        String report = String.format(java.util.Locale.ROOT, "secret redaction: %d secrets in %d formats, recall %.1f%%; "
                + "%d look-alikes, false positives %.1f%%", secrets.size(), formats.size(), recall, lookAlikes.size(), falsePositives);
        @SuppressWarnings("resource")
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("[INFO] " + report);
        System.out.println(report + "\nmissed: " + missed + "\ntouched: " + touched);

        assertTrue(secrets.size() >= 60 && formats.size() >= 20, report);
        assertTrue(lookAlikes.size() >= 60, report);
        assertEquals(List.of(), missed, report);
        assertTrue(falsePositives <= 5.0, report + "; touched: " + touched);
    }

    /**
     * The redactor tries its patterns only where a match can start; the reference lets every pattern scan the whole
     * text. They must agree on every sample, on the samples run together (matches next to each other, at the start
     * and the end of a text) and on all of this project's sources, which are full of secret words.
     */
    @Test
    void targetedRedactionEqualsTheFullScan() throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        secrets().forEach(s -> texts.add(s.text()));
        texts.addAll(lookAlikes());
        texts.add(String.join("", texts));
        texts.add(String.join("\n", texts));
        texts.add("'password':'" + alnum(20) + "'\"token\"=\"" + alnum(20) + "\" sk_live_" + alnum(20)
                + "://u:" + alnum(8) + "@h ghp_" + alnum(36));
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                texts.add(java.nio.file.Files.readString(file));
            }
        }
        assertTrue(texts.size() > 200);
        for (String text : texts) {
            assertEquals(redactor.redactByScanning(text), redactor.redact(text), () -> "differs on: " + text.lines().findFirst().orElse(""));
        }
    }
}
