package dev.prharness.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release workflow's notes come from CHANGELOG.md, and a version without a section stops the release. */
class ReleaseNotesTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run notes(String version, Path changelog) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", ".github/scripts/release-notes.sh", version, changelog.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void aVersionsSectionIsItsNotesAndAMissingOneFails() throws Exception {
        Path changelog = dir.resolve("CHANGELOG.md");
        Files.writeString(changelog, "# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.2.0] - 2026-12-01\n\n### Fixed\n"
                + "- the thing\n\n## [1.1.0] - 2026-11-01\n\n- older\n");

        Run found = notes("1.2.0", changelog);
        Run missing = notes("1.3.0", changelog);

        assertEquals(0, found.exit(), found.err());
        assertEquals("### Fixed\n- the thing\n", found.out().replaceAll("\n+$", "\n"));
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no section '## [1.3.0]'"), missing.err());
    }

    @Test
    void theProjectsOwnChangelogHasItsReleasedVersion() throws Exception {
        Run current = notes("0.1.0", Path.of("CHANGELOG.md"));
        assertEquals(0, current.exit(), current.err());
        assertTrue(current.out().contains("### Added"), current.out());
    }
}
