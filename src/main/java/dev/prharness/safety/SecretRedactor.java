package dev.prharness.safety;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [REDACTED:kind]} before the text leaves the process (to the model,
 * into logs): known token formats, private-key blocks, and high-entropy values assigned to names such as
 * {@code password}, {@code secret} or {@code token}. Line structure is kept, so line numbers stay right.
 */
public final class SecretRedactor {

    private record Rule(String kind, Pattern pattern) {}

    private static final List<Rule> TOKENS = List.of(
            new Rule("private-key", Pattern.compile(
                    "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")),
            new Rule("github-token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,255}\\b")),
            new Rule("github-token", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b")),
            new Rule("openai-key", Pattern.compile("\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
            new Rule("aws-access-key", Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b")),
            new Rule("slack-token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Rule("google-api-key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
            new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")),
            new Rule("url-credentials", Pattern.compile("(?<=://)[^/\\s:@]+:[^/\\s@]{3,}(?=@)")));

    /** {@code name = value}, {@code name: "value"}, {@code "name": "value"}, {@code NAME=value}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)([\"']?[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth)[A-Za-z0-9_.-]*[\"']?\\s*(?::|=|:=|=>)\\s*)([\"']?)([^\\s\"',;]{8,})(\\2)");

    private static final double MIN_ENTROPY_BITS_PER_CHAR = 3.0;

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : TOKENS) {
            Matcher m = rule.pattern().matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(keepNewlines("[REDACTED:" + rule.kind() + "]", m.group())));
            }
            m.appendTail(out);
            result = out.toString();
        }
        Matcher m = ASSIGNMENT.matcher(result);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            String replacement = looksSecret(value)
                    ? m.group(1) + m.group(2) + "[REDACTED:assigned-secret]" + m.group(4)
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Values that read like code (calls, references, placeholders) are not secrets; random-looking ones are. */
    private static boolean looksSecret(String value) {
        if (value.startsWith("[REDACTED") || value.startsWith("${") || value.startsWith("{{") || value.contains("(")
                || value.startsWith("process.env") || value.startsWith("os.environ") || value.startsWith("System.getenv")) {
            return false;
        }
        return entropy(value) >= MIN_ENTROPY_BITS_PER_CHAR;
    }

    static double entropy(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (char c : value.toCharArray()) {
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        int n = value.length();
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** A multi-line secret (a key block) is replaced by as many lines, so later line numbers do not move. */
    private static String keepNewlines(String replacement, String original) {
        long newlines = original.chars().filter(c -> c == '\n').count();
        return replacement + "\n".repeat((int) newlines);
    }
}
