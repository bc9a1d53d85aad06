package dev.prharness.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with {@code [REDACTED:kind]} before the text leaves the process (to the model, into
 * logs, onto a pull request): known token formats, private-key blocks and bare runs of key material, the
 * credential of an {@code Authorization} header or a connection string, and values assigned to names such as
 * {@code password}, {@code secret} or {@code token} — quoted values unless they are placeholders, unquoted ones
 * when they look random. Line structure is kept, so line numbers stay right.
 */
public final class SecretRedactor {

    /**
     * A token format, the literals one of which every match contains (case-sensitive), and how far before that
     * literal a match starts ({@code lead}; negative: after it). Matches can start only there, so the pattern is
     * tried only at those places: the same matches as a scan of the whole text, at a fraction of its cost.
     */
    private record Rule(String kind, Pattern pattern, int lead, List<String> literals) {
        Rule(String kind, String regex, int lead, String... literals) {
            this(kind, Pattern.compile(regex), lead, List.of(literals));
        }
    }

    private static final List<Rule> TOKENS = List.of(
            new Rule("private-key",
                    "-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----",
                    0, "-----BEGIN "),
            new Rule("github-token", "\\bgh[pousr]_[A-Za-z0-9]{30,255}\\b", 0, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            new Rule("github-token", "\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b", 0, "github_pat_"),
            new Rule("gitlab-token", "\\bglpat-[A-Za-z0-9_-]{20,}", 0, "glpat-"),
            new Rule("openai-key", "\\bsk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}", 0, "sk-"),
            new Rule("stripe-key", "\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}", 2, "_live_", "_test_"),
            new Rule("aws-access-key", "\\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\\b", 0, "AKIA", "ASIA", "ABIA", "ACCA"),
            new Rule("slack-token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}", 0, "xox"),
            new Rule("slack-webhook", "https://hooks\\.slack\\.com/services/[A-Za-z0-9/_-]{20,}", 0, "https://hooks.slack.com/"),
            new Rule("google-api-key", "\\bAIza[0-9A-Za-z_-]{35}\\b", 0, "AIza"),
            new Rule("npm-token", "\\bnpm_[A-Za-z0-9]{36}\\b", 0, "npm_"),
            new Rule("sendgrid-key", "\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}", 0, "SG."),
            new Rule("jwt", "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}", 0, "eyJ"),
            new Rule("url-credentials", "(?<=://)[^/\\s:@]+:[^/\\s@]{3,}(?=@)", -3, "://"));

    /** {@code Authorization: Bearer …}, {@code Basic …}, {@code token …}: the credential after the scheme. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic|token|digest)\\s+)([A-Za-z0-9._~+/=-]{8,})");

    /** {@code password=…;}, {@code ?user=x&password=…}, {@code AccountKey=…}: credentials inside connection strings. */
    private static final Pattern CONNECTION_STRING = Pattern.compile(
            "(?i)((?<![A-Za-z0-9_])(?:password|pwd|passwd|accountkey|sharedaccesskey)=)([^&;\\s\"'<>]{3,})");

    private static final String SECRET_WORDS =
            "password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|"
                    + "encryption[_-]?key|client[_-]?secret|credentials?";
    private static final String SECRET_NAME = "(?:" + SECRET_WORDS + ")";
    /**
     * A name starts where no name character stands before it. A match found inside an identifier can always be
     * found from the identifier's start as well (the name's prefix takes any name characters), so this changes no
     * redaction; it spares the engine from retrying the name at every character of every identifier, which made
     * redaction most of the harness's own time.
     */
    private static final String NAME_START = "(?<![A-Za-z0-9_.-])";

    /** {@code name = "value"}, {@code "name": 'value'}: a quoted value after a secret-like name, spaces allowed. */
    private static final Pattern QUOTED = Pattern.compile(
            "(?i)" + NAME_START + "([\"']?([A-Za-z0-9_.-]*" + SECRET_NAME + "[A-Za-z0-9_.-]*)[\"']?\\s*(?::|=|:=|=>)\\s*)([\"'])([^\"'\\n]{4,200})(\\3)");

    /** {@code NAME=value}, {@code name: value}: an unquoted value, a secret only when it looks random. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)" + NAME_START + "([\"']?([A-Za-z0-9_.-]*(?:" + SECRET_WORDS + "|auth)[A-Za-z0-9_.-]*)[\"']?\\s*(?::|=|:=|=>)\\s*)"
                    + "(?![\"'])([^\\s\"',;]{8,})");

    /** Every secret word holds one of these (lower case); the assignment pattern also takes {@code auth}. */
    private static final List<String> SECRET_ANCHORS = List.of("pass", "pwd", "secret", "token", "key", "credential");
    private static final List<String> ASSIGNMENT_ANCHORS = List.of("pass", "pwd", "secret", "token", "key", "credential",
            "auth");
    /** What every connection-string match holds (lower case). */
    private static final List<String> CONNECTION_KEYS = List.of("password=", "pwd=", "passwd=", "accountkey=",
            "sharedaccesskey=");

    /** Names that hold the name or shape of a secret, not a secret: {@code TOKEN_HEADER}, {@code passwordField}. */
    private static final Set<String> NOT_A_VALUE = Set.of("header", "field", "name", "param", "parameter", "path", "url",
            "uri", "endpoint", "prefix", "suffix", "type", "label", "message", "msg", "env", "var", "variable", "property",
            "prop", "attribute", "attr", "column", "id", "length", "size", "pattern", "regex", "format", "file", "dir",
            "ttl", "expiry", "count", "hint", "prompt", "policy", "placeholder", "text", "title", "description", "key");

    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^(?:<.*>|\\$\\{.*}|\\$[A-Z_]+|\\{\\{.*}}|%\\(.*\\)s|%s|\\*+|x+|\\.+|"
            + "-+|changeme|change[-_ ]?me|change[-_ ]?this.*|example.*|.*example|your[-_ ].*|my[-_ ]?(?:password|secret|token)|"
            + "password|passwd|secret|token|null|none|nil|undefined|todo|tbd|dummy|test|testing|fake|sample|redacted|"
            + "\\[redacted.*|.*\\(.*\\).*|.*%[sd].*|not[-_ ]?set|unset|empty|default)$");
    /** An environment variable's or constant's name stands in for a value: {@code password = "DB_PASSWORD"}. */
    private static final Pattern CONSTANT_NAME = Pattern.compile("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$");

    private static final Pattern KEY_LINE = Pattern.compile("[A-Za-z0-9+/]{64}|[A-Za-z0-9+/]{76}");
    private static final Pattern KEY_LAST_LINE = Pattern.compile("[A-Za-z0-9+/]{4,76}={0,2}");
    private static final Pattern DIFF_PREFIX = Pattern.compile("^([+\\- ]?[ \\t]*)(.*)$");

    private static final double MIN_ENTROPY_BITS_PER_CHAR = 3.0;
    private static final double MIN_KEY_LINE_ENTROPY = 4.9;

    public String redact(String text) {
        return redact(text, true);
    }

    /**
     * The same redaction found by letting every pattern scan the whole text: slower, kept as the reference that
     * {@link #redact} must equal (a test compares the two on real sources and on the secret corpus).
     */
    String redactByScanning(String text) {
        return redact(text, false);
    }

    private String redact(String text, boolean targeted) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : TOKENS) {
            result = apply(result, targeted, rule.pattern(), t -> literalStarts(t, rule.literals(), rule.lead()),
                    m -> keepNewlines("[REDACTED:" + rule.kind() + "]", m.group()));
        }
        LowerCase lower = new LowerCase();
        result = apply(result, targeted, AUTHORIZATION, t -> literalStarts(lower.of(t), List.of("authorization"), 0),
                m -> m.group(1) + "[REDACTED:authorization]");
        result = apply(result, targeted, CONNECTION_STRING, t -> literalStarts(lower.of(t), CONNECTION_KEYS, 0),
                m -> placeholder(m.group(2)) ? m.group() : m.group(1) + "[REDACTED:connection-secret]");
        result = apply(result, targeted, QUOTED, t -> nameStarts(t, lower.of(t), SECRET_ANCHORS),
                m -> namesAValue(m.group(2)) && !placeholder(m.group(4))
                        ? m.group(1) + m.group(3) + "[REDACTED:assigned-secret]" + m.group(5) : m.group());
        result = apply(result, targeted, ASSIGNMENT, t -> nameStarts(t, lower.of(t), ASSIGNMENT_ANCHORS),
                m -> namesAValue(m.group(2)) && !placeholder(m.group(3)) && looksSecret(m.group(3))
                        ? m.group(1) + "[REDACTED:assigned-secret]" : m.group());
        return keyMaterial(result);
    }

    /** One pattern's replacements: tried only where a match can start, or (the reference) found by scanning. */
    private static String apply(String text, boolean targeted, Pattern pattern, Function<String, SortedSet<Integer>> starts,
            Function<Matcher, String> replacement) {
        return targeted ? replaceAt(text, pattern, starts.apply(text), replacement) : replace(text, pattern, replacement);
    }

    private static String replace(String text, Pattern pattern, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The matches {@code find()} would make, when every match starts at one of {@code starts}: each start in text
     * order is tried where the last match ended or later, and the lookbehinds still see the text before it.
     */
    private static String replaceAt(String text, Pattern pattern, SortedSet<Integer> starts,
            Function<Matcher, String> replacement) {
        if (starts.isEmpty()) {
            return text;
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int start : starts) {
            if (start < copied) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                out.append(text, copied, m.start()).append(replacement.apply(m));
                copied = m.end();
            }
        }
        return copied == 0 && out.isEmpty() ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where a match can start: {@code lead} characters before each occurrence of one of the literals. */
    private static SortedSet<Integer> literalStarts(String text, List<String> literals, int lead) {
        SortedSet<Integer> starts = new TreeSet<>();
        for (String literal : literals) {
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                if (at - lead >= 0 && at - lead <= text.length()) {
                    starts.add(at - lead);
                }
            }
        }
        return starts;
    }

    /**
     * Where a name-and-value match can start. Such a match begins at a whole run of name characters (or at the
     * quote just before it; the lookbehind allows no name character before, and what follows the name is never a
     * name character), and the run holds a secret word, so one of {@code anchors}: the runs around the anchors.
     */
    private static SortedSet<Integer> nameStarts(String text, String lower, List<String> anchors) {
        SortedSet<Integer> starts = new TreeSet<>();
        for (String anchor : anchors) {
            for (int at = lower.indexOf(anchor); at >= 0; at = lower.indexOf(anchor, at + 1)) {
                int start = at;
                while (start > 0 && nameChar(text.charAt(start - 1))) {
                    start--;
                }
                starts.add(start);
                if (start > 0 && (text.charAt(start - 1) == '"' || text.charAt(start - 1) == '\'')) {
                    starts.add(start - 1);
                }
            }
        }
        return starts;
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** The ASCII lower case of the text being redacted, made again only when a replacement changed the text. */
    private static final class LowerCase {
        private String source;
        private String lower;

        String of(String text) {
            if (!text.equals(source)) { // the same instance, the common case, answers at once
                source = text;
                lower = asciiLowerCase(text);
            }
            return lower;
        }
    }

    /** Whether the text holds {@code length} base64 characters in a row, which every key line does. */
    private static boolean hasBase64Run(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                if (++run >= length) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** Lower case for ASCII letters only, as the patterns' {@code (?i)} matches: same length, same indexes. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /**
     * Runs of two or more lines of 64 (PEM) or 76 (MIME) random-looking base64 characters, and the short line that
     * ends such a run: the body of a key whose BEGIN and END lines are out of view (a diff hunk, a file read from
     * line 2). Certificates and public keys whose BEGIN line is in view are left alone.
     */
    private static String keyMaterial(String text) {
        if (!hasBase64Run(text, 64)) {
            return text; // no line can be a key line: the common case, found in one pass
        }
        String[] lines = text.split("\n", -1);
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            // A line shorter than a key line cannot be one; its body matters only as the last line of a run.
            String content = i < lines.length && (lines[i].length() >= 64 || run.size() >= 2) ? body(lines[i]) : "";
            if (i < lines.length && KEY_LINE.matcher(content).matches()) {
                run.add(i);
                continue;
            }
            if (run.size() >= 2 && randomLooking(lines, run) && !publicBlock(lines, run.get(0))) {
                if (i < lines.length && KEY_LAST_LINE.matcher(content).matches()) {
                    run.add(i);
                }
                for (int line : run) {
                    Matcher m = DIFF_PREFIX.matcher(lines[line]);
                    lines[line] = (m.matches() ? m.group(1) : "") + "[REDACTED:key-material]";
                }
            }
            run.clear();
        }
        return String.join("\n", lines);
    }

    /** A run reads as key material when its lines are random on average (one line alone may look less so). */
    private static boolean randomLooking(String[] lines, List<Integer> run) {
        return run.stream().mapToDouble(i -> entropy(body(lines[i]))).average().orElse(0) >= MIN_KEY_LINE_ENTROPY;
    }

    private static String body(String line) {
        Matcher m = DIFF_PREFIX.matcher(line);
        return m.matches() ? m.group(2).strip() : line.strip();
    }

    /** Whether the nearest PEM boundary above the run opens a certificate or public key (not a private key). */
    private static boolean publicBlock(String[] lines, int firstKeyLine) {
        for (int i = firstKeyLine - 1; i >= Math.max(0, firstKeyLine - 200); i--) {
            String upper = lines[i].toUpperCase(Locale.ROOT);
            if (upper.contains("-----END")) {
                return false;
            }
            if (upper.contains("-----BEGIN")) {
                return !upper.contains("PRIVATE");
            }
        }
        return false;
    }

    /** {@code DB_PASSWORD} holds a value; {@code PASSWORD_FIELD} or {@code tokenHeader} holds a name. */
    private static boolean namesAValue(String name) {
        String[] words = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[_.-]+");
        String last = words.length == 0 ? "" : words[words.length - 1];
        if (last.equals("key")) {
            return words.length >= 2 && Set.of("api", "access", "private", "secret", "signing", "encryption")
                    .contains(words[words.length - 2]);
        }
        return !NOT_A_VALUE.contains(last);
    }

    private static boolean placeholder(String value) {
        String v = value.strip();
        return v.isEmpty() || PLACEHOLDER.matcher(v).matches() || CONSTANT_NAME.matcher(v).matches();
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
