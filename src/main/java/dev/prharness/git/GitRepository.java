package dev.prharness.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A local git repository, read through the {@code git} command (what the user has, with their config).
 * Read-only: nothing here changes the repository.
 */
public final class GitRepository {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path root;

    private GitRepository(Path root) {
        this.root = root;
    }

    /** Opens the repository that contains {@code folder}. */
    public static GitRepository open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new GitException(folder + " is not a folder; pass --repo with the path of a git repository");
        }
        Result result = run(folder, List.of("rev-parse", "--show-toplevel"));
        if (result.exitCode() != 0) {
            throw new GitException(folder.toAbsolutePath() + " is not inside a git repository (git says: "
                    + result.errorText() + "); pass --repo with the path of one");
        }
        return new GitRepository(Path.of(result.text().strip()));
    }

    public Path root() {
        return root;
    }

    /** The commit a ref names (branch, tag, sha, {@code HEAD~1}, …), as a full sha. */
    public String resolve(String ref) {
        return tryResolve(ref).orElseThrow(() -> new GitException("'" + ref + "' does not name a commit in " + root
                + "; check the spelling, or fetch it first (git fetch origin " + ref + ")"));
    }

    public Optional<String> tryResolve(String ref) {
        if (ref.startsWith("-")) {
            return Optional.empty();
        }
        Result result = git("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
        return result.exitCode() == 0 ? Optional.of(result.text().strip()) : Optional.empty();
    }

    public Optional<String> mergeBase(String a, String b) {
        Result result = git("merge-base", a, b);
        return result.exitCode() == 0 ? Optional.of(result.text().strip()) : Optional.empty();
    }

    /**
     * The default branch as a ref: {@code origin/HEAD}'s target when a remote says so, else the first of
     * {@code main}, {@code master}, {@code origin/main}, {@code origin/master} that exists.
     */
    public Optional<String> defaultBranch() {
        Result symbolic = git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD");
        if (symbolic.exitCode() == 0) {
            return Optional.of(symbolic.text().strip().replaceFirst("^refs/remotes/", ""));
        }
        for (String candidate : List.of("main", "master", "origin/main", "origin/master")) {
            if (tryResolve(candidate).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code git diff base head} in the format {@link dev.prharness.diff.UnifiedDiffParser} reads. */
    public String diff(String base, String head) {
        Result result = git("-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", "--unified=3", base, head, "--");
        if (result.exitCode() != 0) {
            throw new GitException("git diff " + base + " " + head + " failed: " + result.errorText(), true, null);
        }
        return result.text();
    }

    /** The bytes of {@code path} at {@code commit}, or empty when the file does not exist there. */
    public Optional<byte[]> fileAt(String commit, String path) {
        Result result = git("cat-file", "blob", commit + ":" + path);
        return result.exitCode() == 0 ? Optional.of(result.stdout()) : Optional.empty();
    }

    /**
     * The bytes of each of {@code paths} at {@code commit}, read by one {@code git cat-file --batch} (one process
     * instead of one per file); a path that does not exist there, or is not a file, maps to empty.
     */
    public Map<String, Optional<byte[]>> filesAt(String commit, Collection<String> paths) {
        Map<String, Optional<byte[]>> files = new LinkedHashMap<>();
        List<String> asked = paths.stream().distinct().filter(p -> !p.contains("\n")).toList();
        if (asked.isEmpty()) {
            return files;
        }
        StringBuilder input = new StringBuilder();
        asked.forEach(path -> input.append(commit).append(':').append(path).append('\n'));
        Result result = run(root, List.of("cat-file", "--batch"), Duration.ofSeconds(TIMEOUT_SECONDS),
                input.toString().getBytes(StandardCharsets.UTF_8));
        if (result.exitCode() != 0) {
            throw new GitException("git cat-file --batch failed: " + result.errorText(), true, null);
        }
        byte[] out = result.stdout();
        int at = 0;
        for (String path : asked) {
            int end = indexOf(out, (byte) '\n', at);
            if (end < 0) {
                throw new GitException("git cat-file --batch ended before " + commit + ":" + path, true, null);
            }
            String line = new String(out, at, end - at, StandardCharsets.UTF_8);
            at = end + 1;
            if (line.endsWith(" missing") || line.endsWith(" ambiguous")) {
                // "<commit>:<path> missing": the path may hold spaces, so this line is not split
                files.put(path, Optional.empty());
                continue;
            }
            String[] header = line.split(" ");
            if (header.length == 3 && header[1].equals("blob")) {
                int size = Integer.parseInt(header[2]);
                if (at + size > out.length) {
                    throw new GitException("git cat-file --batch cut " + commit + ":" + path + " short", true, null);
                }
                files.put(path, Optional.of(Arrays.copyOfRange(out, at, at + size)));
                at += size + 1;
            } else if (header.length == 3) {
                at += Integer.parseInt(header[2]) + 1;
                files.put(path, Optional.empty());
            } else {
                files.put(path, Optional.empty());
            }
        }
        return files;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The paths of the files directly in {@code directory} at {@code commit}; none when there is no such folder. */
    public List<String> filesIn(String commit, String directory) {
        Result result = git("ls-tree", "-z", commit, "--", directory.replaceAll("/+$", "") + "/");
        if (result.exitCode() != 0) {
            return List.of();
        }
        // "<mode> <type> <object>\t<path>" per entry; only files (blobs), not folders
        return java.util.Arrays.stream(result.text().split("\u0000")).filter(e -> e.contains("\t"))
                .filter(e -> e.split(" ", 3)[1].equals("blob")).map(e -> e.substring(e.indexOf('\t') + 1)).toList();
    }

    /** Subjects of the commits in {@code base..head}, newest first. */
    public List<String> subjects(String base, String head) {
        Result result = git("log", "--format=%s", base + ".." + head);
        if (result.exitCode() != 0) {
            return List.of();
        }
        return result.text().lines().filter(l -> !l.isBlank()).toList();
    }

    private Result git(String... args) {
        return run(root, List.of(args));
    }

    private static Result run(Path folder, List<String> args) {
        return run(folder, args, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    /**
     * Runs git with a deadline that holds: output is read while git runs (so a full pipe cannot stall it), and at
     * the deadline git and anything it started are killed.
     */
    static Result run(Path folder, List<String> args, Duration timeout) {
        return run(folder, args, timeout, new byte[0]);
    }

    /** The same, with {@code input} written to git's standard input (on a thread of its own, like the outputs). */
    static Result run(Path folder, List<String> args, Duration timeout, byte[] input) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            Thread.ofVirtual().name("git-stdin").start(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // git ended before reading everything; its exit status says why.
                }
            });
            // Each stream gets a thread of its own: a shared pool (the common pool has one thread on two cores)
            // would read one stream to its end before the other, and git stalls once the unread pipe is full.
            FutureTask<byte[]> stderr = new FutureTask<>(() -> readAll(process.getErrorStream()));
            FutureTask<byte[]> stdout = new FutureTask<>(() -> readAll(process.getInputStream()));
            Thread.ofVirtual().name("git-stderr").start(stderr);
            Thread.ofVirtual().name("git-stdout").start(stdout);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new GitException("git " + String.join(" ", args) + " did not finish in " + timeout.toSeconds()
                        + " s and was stopped", true, null);
            }
            return new Result(process.exitValue(), stdout.get(), stderr.get());
        } catch (ExecutionException e) {
            throw new GitException("cannot read the output of git " + String.join(" ", args) + ": "
                    + e.getCause().getMessage(), true, e.getCause());
        } catch (IOException e) {
            throw new GitException("cannot run git (" + e.getMessage() + "); install git and put it on PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git " + String.join(" ", args), e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, byte[] stdout, byte[] stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String errorText() {
            return new String(stderr, StandardCharsets.UTF_8).strip();
        }
    }
}
