package dev.prharness.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.diff.DiffCache;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import dev.prharness.lint.LintEngine;
import dev.prharness.review.Review;
import dev.prharness.review.ReviewComment;
import dev.prharness.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New findings only, on real git history: code that was moved, renamed or reformatted gets no comment; a finding
 * the change really brings in does. With {@code only_new: false} every finding on a changed line is reported.
 */
class NewFindingsTest {

    @TempDir
    Path dir;

    private static final String SERVICE = """
            package demo;

            class Service {
                boolean admin(String role) {
                    return role == "admin";
                }

                void other() {
                }
            }
            """;

    private Review review(String yaml) {
        TestRepo repo = TestRepo.init(dir.resolve("repo"));
        repo.write("src/Service.java", SERVICE);
        repo.write("src/Old.java", "package demo;\n\nclass Old {\n    boolean guest(String r) {\n        return r == \"guest\";\n    }\n}\n");
        repo.write("src/Format.java", "package demo;\n\nclass Format {\n    boolean root(String r) {\n        return r == \"root\";\n    }\n}\n");
        String base = repo.commit("base");
        // Moved: admin() now sits below other(). Renamed: Old.java is New.java. Reformatted: the comparison's spacing.
        repo.write("src/Service.java", """
                package demo;

                class Service {
                    void other() {
                    }

                    boolean admin(String role) {
                        return role == "admin";
                    }

                    boolean owner(String role) {
                        return role == "owner";
                    }
                }
                """);
        repo.move("src/Old.java", "src/New.java");
        repo.write("src/New.java", "package demo;\n\nclass Old {\n    // renamed\n    boolean guest(String r) {\n        return r == \"guest\";\n    }\n}\n");
        repo.write("src/Format.java", "package demo;\n\nclass Format {\n    boolean root(String r) {\n        return r==\"root\";\n    }\n}\n");
        String head = repo.commit("move, rename, reformat, and one new comparison");
        GitRepository git = GitRepository.open(repo.root());
        ReviewConfig config = new ReviewConfigLoader(new LintEngine()::prepare).load("test", yaml, path -> Optional.empty());
        return new ReviewPipeline(new LinterReview(new LintEngine()), Optional.empty())
                .run(LocalChange.of(git, base, head, new DiffCache()), config, ReviewProgress.SILENT);
    }

    private static List<String> places(Review review) {
        return review.comments().stream().filter(c -> c.rule().equals("UseEqualsToCompareStrings"))
                .map(c -> c.path() + ":" + c.line()).sorted().toList();
    }

    @Test
    void onlyTheComparisonTheChangeAddedIsCommentedOn() {
        Review review = review("");

        assertEquals(List.of("src/Service.java:12"), places(review), review.comments().stream().map(ReviewComment::toString).toList().toString());
    }

    @Test
    void withOnlyNewOffEveryFindingOnAChangedLineIsReported() {
        Review review = review("only_new: false\n");

        List<String> places = places(review);
        assertTrue(places.containsAll(List.of("src/Service.java:12", "src/Format.java:5")),
                "the reformatted line is on the diff and is reported when only_new is off: " + places);
    }
}
