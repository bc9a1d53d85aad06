package dev.prharness.instructions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the team's instruction files are read: the repository's default branch on the code host, or, for a local
 * review, the base commit. Never the change under review, which could otherwise instruct its own reviewer.
 */
public interface InstructionSource {

    /** The text of each path there (empty for none); read in as few requests as the source can. */
    Map<String, Optional<String>> read(List<String> paths);

    /** The paths of the files directly in {@code directory} (none when there is no such folder). */
    List<String> filesIn(String directory);
}
