package dev.prharness.pipeline;

import dev.prharness.change.TextContent;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.PullRequest;
import dev.prharness.instructions.InstructionSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pull request's instruction files as its repository's default branch has them (never the pull request's head). */
final class DefaultBranchInstructions implements InstructionSource {

    private final CodeHost host;
    private final PullRequest pr;

    DefaultBranchInstructions(CodeHost host, PullRequest pr) {
        this.host = host;
        this.pr = pr;
    }

    @Override
    public Map<String, Optional<String>> read(List<String> paths) {
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        host.filesAt(pr.ref(), paths, pr.defaultBranch()).forEach((path, bytes) -> texts.put(path, bytes.flatMap(TextContent::decode)));
        return texts;
    }

    @Override
    public List<String> filesIn(String directory) {
        return host.filesIn(pr.ref(), directory, pr.defaultBranch());
    }
}
