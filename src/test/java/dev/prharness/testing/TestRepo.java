package dev.prharness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a temporary folder, for tests: write files, commit, branch. */
public final class TestRepo {

    private final Path root;

    private TestRepo(Path root) {
        this.root = root;
    }

    public static TestRepo init(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestRepo repo = new TestRepo(folder);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "dev@example.com");
        repo.git("config", "user.name", "Dev");
        repo.git("config", "commit.gpgsign", "false");
        repo.git("config", "core.autocrlf", "false");
        return repo;
    }

    /** A repository that already exists (a clone of a real project), for benchmarks on its history. */
    public static TestRepo open(Path existing) {
        if (!Files.isDirectory(existing.resolve(".git"))) {
            throw new IllegalArgumentException(existing + " is not a git repository");
        }
        return new TestRepo(existing);
    }

    public Path root() {
        return root;
    }

    public TestRepo write(String path, String content) {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestRepo writeBytes(String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo makeExecutable(String path) {
        if (!root.resolve(path).toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + path + " executable");
        }
        return this;
    }

    public TestRepo delete(String path) {
        git("rm", "-q", "--", path);
        return this;
    }

    public TestRepo move(String from, String to) {
        try {
            Files.createDirectories(root.resolve(to).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git("mv", "--", from, to);
        return this;
    }

    /** Stages everything and commits; returns the new commit's sha. */
    public String commit(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    public String git(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
