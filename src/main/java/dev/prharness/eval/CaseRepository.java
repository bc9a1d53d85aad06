package dev.prharness.eval;

import dev.prharness.diff.DiffCache;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A case as a real git repository in a temporary folder: one commit with the base files, one with the head files
 * (its subject is the case's summary, what the review sees as the title). Deleted when closed.
 */
final class CaseRepository implements AutoCloseable {

    private final Path root;
    private final String baseSha;
    private final String headSha;

    private CaseRepository(Path root, String baseSha, String headSha) {
        this.root = root;
        this.baseSha = baseSha;
        this.headSha = headSha;
    }

    static CaseRepository create(EvalCase evalCase) {
        Path root;
        try {
            root = Files.createTempDirectory("pr-harness-eval-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary folder for case " + evalCase.name() + ": " + e.getMessage(), e);
        }
        try {
            git(root, "init", "-q");
            write(root, evalCase.files());
            git(root, "add", "-A");
            git(root, "commit", "-q", "-m", "Base of " + evalCase.name());
            String base = git(root, "rev-parse", "HEAD").strip();
            write(root, evalCase.head());
            git(root, "add", "-A");
            git(root, "commit", "-q", "-m", evalCase.summary()
                    + (evalCase.description().isBlank() ? "" : "\n\n" + evalCase.description()));
            String head = git(root, "rev-parse", "HEAD").strip();
            return new CaseRepository(root, base, head);
        } catch (RuntimeException e) {
            delete(root);
            throw e;
        }
    }

    LocalChange change() {
        return LocalChange.of(GitRepository.open(root), baseSha, headSha, new DiffCache());
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void write(Path root, Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root)) {
                throw new EvalCaseException("a case's file path must stay inside its repository: " + file.getKey());
            }
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=pr-harness eval",
                "-c", "user.email=eval@pr-harness.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + root + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git (is it installed and on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while git ran", e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the operating system clears it.
        }
    }
}
