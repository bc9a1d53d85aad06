package dev.prharness.safety;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last check on every text the bot posts: the exact values of this process's own secrets (webhook secret,
 * tokens, model key, the App's private key and each line of it) are replaced, and then the secret redactor
 * runs over what is left. Whatever a rule file, the model or a bug puts into a body, these values never leave.
 */
public final class OutgoingFilter {

    /** Shorter values would match ordinary text; no real secret of this process is that short. */
    private static final int MIN_SECRET_CHARS = 8;
    private static final int MIN_KEY_LINE_CHARS = 16;

    private final List<String> secrets;
    private final SecretRedactor redactor = new SecretRedactor();

    public OutgoingFilter(Collection<String> processSecrets) {
        Set<String> values = new LinkedHashSet<>();
        for (String secret : processSecrets) {
            if (secret == null || secret.strip().length() < MIN_SECRET_CHARS) {
                continue;
            }
            values.add(secret.strip());
            secret.lines().map(String::strip).filter(l -> l.length() >= MIN_KEY_LINE_CHARS && !l.startsWith("-----"))
                    .forEach(values::add);
        }
        // Longest first, so a whole key is replaced before its lines are looked for.
        this.secrets = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "[REDACTED:secret]");
        }
        return redactor.redact(result);
    }
}
