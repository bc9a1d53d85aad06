package dev.prharness.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every library in the shaded jar has a known licence that is not strong copyleft: THIRD-PARTY.md, which
 * {@code mvn verify} writes from each library's POM before the tests run, is read and checked row by row.
 */
class LicenseReportTest {

    /** A library may go into the jar when at least one of its licences is neither unknown nor strong copyleft. */
    static boolean acceptable(List<String> licences) {
        return licences.stream().map(l -> l.strip().toLowerCase(Locale.ROOT))
                .anyMatch(l -> !l.isEmpty() && !l.contains("unknown") && !strongCopyleft(l));
    }

    private static boolean strongCopyleft(String licence) {
        boolean gpl = licence.matches(".*\\b(a?gpl|gnu (affero )?general public licen[cs]e).*");
        boolean weaker = licence.contains("lgpl") || licence.contains("lesser") || licence.contains("library")
                || licence.contains("classpath exception") || licence.contains("cpe");
        return gpl && !weaker;
    }

    @Test
    void theGateRefusesUnknownAndStrongCopyleftLicencesOnly() {
        assertFalse(acceptable(List.of("GPL-3.0-only")));
        assertFalse(acceptable(List.of("GNU Affero General Public License v3")));
        assertFalse(acceptable(List.of("")));
        assertFalse(acceptable(List.of("Unknown license")));
        assertTrue(acceptable(List.of("LGPL-2.1-or-later")));
        assertTrue(acceptable(List.of("EPL 2.0", "GPL2 w/ CPE")));
        assertTrue(acceptable(List.of("GNU General Public License, version 2 with the GNU Classpath Exception")));
        assertTrue(acceptable(List.of("MPL-2.0")));
    }

    @Test
    void everyLibraryInTheJarHasAnAcceptableLicence() throws IOException {
        Path report = Path.of("THIRD-PARTY.md");
        assertTrue(Files.isRegularFile(report), "mvn verify writes THIRD-PARTY.md before the tests");
        List<String> refused = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(report)) {
            if (!line.startsWith("| ") || line.startsWith("| library") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows++;
            List<String> licences = cells.length > 3 ? Arrays.asList(cells[3].split(";")) : List.of();
            if (!acceptable(licences)) {
                refused.add(cells[1].strip() + " (" + (cells.length > 3 ? cells[3].strip() : "no licence") + ")");
            }
        }
        assertTrue(rows > 50, "the report lists the jar's libraries: " + rows);
        assertEquals(List.of(), refused, "libraries with an unknown or strong-copyleft licence");
    }
}
