package dev.prharness.change;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path inside a repository, as untrusted text names it: relative to the repository root, with no way out.
 * Absolute paths, drive letters, URLs and any scheme ({@code file:}, {@code jar:}, {@code classpath:}, …),
 * and {@code ..} that climbs above the root are refused.
 */
public final class RepositoryPath {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private RepositoryPath() {}

    /** {@code path} normalised ({@code a/./b/../c} → {@code a/c}), or empty when it is not inside the repository. */
    public static Optional<String> normalise(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.startsWith("\\") || SCHEME.matcher(path).matches()
                || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** The folder of a repository path ({@code ""} for the root). */
    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
