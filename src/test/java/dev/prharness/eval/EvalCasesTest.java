package dev.prharness.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.config.ReviewConfig;
import dev.prharness.diff.LineKind;
import dev.prharness.diff.FileDiff;
import dev.prharness.diff.Side;
import dev.prharness.git.LocalChange;
import dev.prharness.lint.LintEngine;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.Review;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in cases: enough of them, each one a real change with its defect inside the diff, few caught by linters. */
class EvalCasesTest {

    @Test
    void thereAreEnoughCasesOfEnoughKinds() {
        List<EvalCase> cases = EvalCases.builtIn();
        assertTrue(cases.size() >= 30, "at least 30 cases: " + cases.size());
        long clean = cases.stream().filter(EvalCase::clean).count();
        assertTrue(clean >= 5 && clean < cases.size() / 2, "some clean cases, most seeded: " + clean);
        Set<String> kinds = cases.stream().filter(c -> !c.clean()).map(EvalCase::category).collect(Collectors.toSet());
        assertTrue(kinds.size() >= 15, "many kinds of defect: " + kinds);
        assertEquals(cases.size(), cases.stream().map(EvalCase::name).distinct().count());
    }

    @Test
    void everyCaseBuildsARepositoryAndItsDefectIsInsideTheDiff() {
        for (EvalCase evalCase : EvalCases.builtIn()) {
            try (CaseRepository repository = CaseRepository.create(evalCase)) {
                LocalChange change = repository.change();
                assertTrue(!change.diff().files().isEmpty(), evalCase.name() + " changes something");
                Optional<EvalCase.Expected> expected = evalCase.expected();
                if (expected.isEmpty()) {
                    continue;
                }
                EvalCase.Expected where = expected.get();
                FileDiff file = change.diff().file(where.path()).orElseThrow(() -> new AssertionError(evalCase.name()));
                for (int line = where.first(); line <= where.last(); line++) {
                    assertTrue(change.diff().isCommentable(where.path(), line, Side.RIGHT),
                            evalCase.name() + ": line " + line + " is inside the diff");
                }
                // The defect's lines are added lines, or (as when a type changes under an unchanged comparison)
                // context lines of a hunk the change made: either way the model sees them in the diff.
                assertTrue(file.hunks().stream().anyMatch(h -> h.lines().stream().anyMatch(l -> l.kind() == LineKind.ADDED)),
                        evalCase.name() + ": the change adds lines to the defect's file");
                assertEquals(evalCase.head().get(where.path()), change.readAtHead(where.path()).orElseThrow());
            }
        }
    }

    @Test
    void theLintersAloneFindFewOfTheSeededDefects() {
        ReviewPipeline linters = new ReviewPipeline(new LinterReview(new LintEngine()), Optional.empty());
        List<String> caught = new ArrayList<>();
        List<EvalCase> seeded = EvalCases.builtIn().stream().filter(c -> !c.clean()).toList();
        for (EvalCase evalCase : seeded) {
            try (CaseRepository repository = CaseRepository.create(evalCase)) {
                Review review = linters.run(repository.change(), ReviewConfig.defaults(), ReviewProgress.SILENT);
                EvalCase.Expected where = evalCase.expected().orElseThrow();
                boolean found = review.comments().stream().anyMatch(c -> c.path().equals(where.path())
                        && c.line() >= where.first() - CaseResult.SLACK_LINES && c.line() <= where.last() + CaseResult.SLACK_LINES);
                if (found) {
                    caught.add(evalCase.name());
                }
            }
        }
        @SuppressWarnings("resource")
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("[INFO] eval cases: the default linters alone find " + caught.size() + " of " + seeded.size()
                + " seeded defects " + caught);
        assertTrue(caught.size() * 4 <= seeded.size(), "the point is the model's review; linters find " + caught);
    }

    @Test
    void aBrokenCaseFileSaysWhatIsWrong() {
        EvalCaseException unknown = assertThrows(EvalCaseException.class, () -> EvalCases.parse("x.yml",
                "summary: s\ncategory: clean\nfiles: {a.txt: \"a\\n\"}\nchange: [{path: a.txt, find: a, replace: b}]\nsecret: 1\n"));
        assertTrue(unknown.getMessage().contains("unknown key 'secret'"), unknown.getMessage());
        EvalCaseException missing = assertThrows(EvalCaseException.class, () -> EvalCases.parse("y.yml",
                "summary: s\ncategory: clean\nfiles: {a.txt: \"a\\n\"}\nchange: [{path: a.txt, find: zzz, replace: b}]\n"));
        assertTrue(missing.getMessage().contains("must find its text exactly once, and it is not there"), missing.getMessage());
        EvalCaseException noDefect = assertThrows(EvalCaseException.class, () -> EvalCases.parse("z.yml",
                "summary: s\ncategory: off-by-one\nfiles: {a.txt: \"a\\n\"}\nchange: [{path: a.txt, find: a, replace: b}]\n"));
        assertTrue(noDefect.getMessage().contains("a clean case has no defect"), noDefect.getMessage());
    }
}
