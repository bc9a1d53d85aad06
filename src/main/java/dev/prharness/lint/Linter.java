package dev.prharness.lint;

import java.util.List;

/** One in-process linter with its rules already parsed; implementations run one analysis at a time. */
interface Linter {

    /** The name findings carry as their {@code source}. */
    String name();

    /** Lints the files; a file the linter cannot analyse is reported in the result, not thrown. */
    LintResult lint(List<SourceFile> files);
}
