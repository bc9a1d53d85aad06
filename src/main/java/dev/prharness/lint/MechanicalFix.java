package dev.prharness.lint;

import dev.prharness.review.Finding;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code suggestion} for a finding whose fix is mechanical and keeps the code's meaning, written only when the
 * flagged line is simple enough to be sure of that:
 * <ul>
 * <li>a string compared with a literal by {@code ==} / {@code !=} becomes {@code "literal".equals(value)} (also
 *     false, not a NullPointerException, when the value is null), when the line holds exactly that one comparison
 *     and nothing around it binds tighter than {@code ==};</li>
 * <li>an unused local variable whose declaration is the whole line and whose initial value is a literal (so no
 *     call is lost) is removed.</li>
 * </ul>
 * Anything less certain gets no suggestion: a reviewer applies a suggestion with one click.
 */
final class MechanicalFix {

    private static final Set<String> STRING_COMPARISON = Set.of("StringLiteralEquality", "UseEqualsToCompareStrings");
    private static final String OPERAND = "[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*(?:\\(\\))?";
    private static final String STRING = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";
    private static final Pattern VALUE_FIRST = Pattern.compile("(?<operand>" + OPERAND + ")\\s*(?<op>==|!=)\\s*(?<lit>" + STRING + ")");
    private static final Pattern LITERAL_FIRST = Pattern.compile("(?<lit>" + STRING + ")\\s*(?<op>==|!=)\\s*(?<operand>" + OPERAND + ")");
    /** What may stand right before the comparison: an opening, a separator, a lower-precedence operator or return. */
    private static final Pattern BEFORE = Pattern.compile("(?:^|[(,?:{]|[^=!<>]=|&&?|\\|\\|?|\\breturn)\\s*$");
    /** What may follow it: a closing, a separator or a lower-precedence operator. */
    private static final Pattern AFTER = Pattern.compile("^\\s*(?:$|[),;?:]|&|\\|)");

    private static final Pattern UNUSED_NAME = Pattern.compile("'([A-Za-z_$][\\w$]*)'");
    private static final String TYPE = "(?:var|[A-Za-z_$][\\w$.]*(?:<[\\w$.,?<> \\[\\]]*>)?(?:\\[])*)";
    private static final String LITERAL = "(?:-?\\d[\\w.]*|" + STRING + "|'(?:[^'\\\\]|\\\\.)+'|true|false|null)";

    private MechanicalFix() {}

    /** {@code finding} with a suggestion where one is certain; {@code lines} is its file's text, line by line. */
    static Finding apply(Finding finding, String[] lines) {
        if (finding.suggestion() != null || finding.startLine() != null || finding.line() < 1 || finding.line() > lines.length) {
            return finding;
        }
        String line = lines[finding.line() - 1].endsWith("\r")
                ? lines[finding.line() - 1].substring(0, lines[finding.line() - 1].length() - 1)
                : lines[finding.line() - 1];
        if (line.contains("//") || line.contains("/*")) {
            return finding;
        }
        Optional<String> replacement = Optional.empty();
        if (STRING_COMPARISON.contains(finding.rule())) {
            replacement = stringComparison(line);
        } else if ("pmd".equals(finding.source()) && "UnusedLocalVariable".equals(finding.rule())) {
            replacement = unusedLocal(line, finding.message());
        }
        return replacement.map(finding::withSuggestion).orElse(finding);
    }

    private static Optional<String> stringComparison(String line) {
        if (count(withoutStrings(line), "==") + count(withoutStrings(line), "!=") != 1) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {VALUE_FIRST, LITERAL_FIRST}) {
            Matcher m = pattern.matcher(line);
            if (m.find() && BEFORE.matcher(line.substring(0, m.start())).find() && AFTER.matcher(line.substring(m.end())).find()) {
                String call = m.group("lit") + ".equals(" + m.group("operand") + ")";
                return Optional.of(line.substring(0, m.start()) + (m.group("op").equals("!=") ? "!" : "") + call
                        + line.substring(m.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unusedLocal(String line, String message) {
        Matcher name = UNUSED_NAME.matcher(message);
        if (!name.find()) {
            return Optional.empty();
        }
        Pattern declaration = Pattern.compile("^\\s*(?:final\\s+)?" + TYPE + "\\s+" + Pattern.quote(name.group(1))
                + "\\s*(?:=\\s*" + LITERAL + "\\s*)?;\\s*$");
        return declaration.matcher(line).matches() ? Optional.of("") : Optional.empty();
    }

    private static String withoutStrings(String line) {
        return line.replaceAll(STRING, "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)+'", "''");
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
