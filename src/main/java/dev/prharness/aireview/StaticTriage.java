package dev.prharness.aireview;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Files no model needs to read: lock files, vendored and generated code. Decided from the path alone. */
final class StaticTriage {

    private static final List<String> LOCK_FILES = List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
            "npm-shrinkwrap.json", "cargo.lock", "go.sum", "poetry.lock", "pipfile.lock", "gemfile.lock",
            "composer.lock", "gradle.lockfile", "flake.lock", "uv.lock", "mix.lock", "pubspec.lock", "packages.lock.json");
    private static final List<String> VENDORED = List.of("vendor/", "third_party/", "third-party/", "node_modules/",
            "bower_components/");
    private static final List<String> GENERATED_SUFFIXES = List.of(".min.js", ".min.css", ".pb.go", "_pb2.py",
            ".generated.cs", ".g.dart", ".designer.cs", ".map", ".snap");

    private StaticTriage() {}

    static Optional<String> reasonToSkip(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        if (LOCK_FILES.contains(name)) {
            return Optional.of("lock file");
        }
        for (String folder : VENDORED) {
            if (lower.startsWith(folder) || lower.contains("/" + folder)) {
                return Optional.of("vendored code");
            }
        }
        for (String suffix : GENERATED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("generated file");
            }
        }
        if (lower.contains("/generated/") || lower.startsWith("generated/") || lower.contains("/__generated__/")) {
            return Optional.of("generated file");
        }
        return Optional.empty();
    }
}
