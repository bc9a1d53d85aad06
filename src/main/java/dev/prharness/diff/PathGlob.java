package dev.prharness.diff;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob over repository paths ({@code src/test/**}, {@code *.md}, {@code **}{@code /*.{ts,tsx}}): {@code *} stays within
 * a folder, {@code **} crosses folders, and a leading {@code **}{@code /} also matches at the root (as in .gitignore and
 * GitHub's {@code applyTo}); a glob without a {@code /} also matches a file's name in any folder.
 */
public final class PathGlob {

    private PathGlob() {}

    public static boolean matches(String glob, String path) {
        Path asPath = Path.of(path);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return matcher.matches(asPath) || (!glob.contains("/") && asPath.getFileName() != null
                && matcher.matches(asPath.getFileName()))
                || (glob.startsWith("**/") && matches(glob.substring("**/".length()), path));
    }

    /** Whether {@code glob} is one this class can match; a broken one (an unclosed {@code [} or {@code {}) is not. */
    public static boolean valid(String glob) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return !glob.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
