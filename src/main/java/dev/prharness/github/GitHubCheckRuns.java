package dev.prharness.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.codehost.CheckRun;
import dev.prharness.codehost.PullRequestRef;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Check runs through the REST checks API: started in progress, completed with their annotations in batches. */
final class GitHubCheckRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub takes at most 50 annotations in one check run request. */
    private static final int ANNOTATIONS_PER_REQUEST = 50;

    private final RawRequests raw;

    GitHubCheckRuns(RawRequests raw) {
        this.raw = raw;
    }

    long start(PullRequestRef ref, String name, String headSha, String title) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("name", name).put("head_sha", headSha)
                .put("status", "in_progress").put("started_at", Instant.now().toString());
        request.putObject("output").put("title", title).put("summary", title);
        return raw.sendOk("POST", GitHubPullRequests.repoPath(ref) + "/check-runs", request).path("id").asLong();
    }

    /**
     * The first request sets the conclusion, summary and the first {@value #ANNOTATIONS_PER_REQUEST} annotations; each
     * further batch is one more update of the same output, which GitHub adds to the annotations already there.
     */
    void complete(PullRequestRef ref, long checkRunId, CheckRun result) throws IOException {
        String path = GitHubPullRequests.repoPath(ref) + "/check-runs/" + checkRunId;
        List<CheckRun.Annotation> all = result.annotations();
        int from = 0;
        do {
            ObjectNode request = JSON.createObjectNode();
            if (from == 0) {
                request.put("status", "completed").put("conclusion", result.conclusion().apiName())
                        .put("completed_at", Instant.now().toString());
            }
            ObjectNode output = request.putObject("output").put("title", result.title()).put("summary", result.summary());
            ArrayNode annotations = output.putArray("annotations");
            for (CheckRun.Annotation a : all.subList(from, Math.min(all.size(), from + ANNOTATIONS_PER_REQUEST))) {
                annotations.addObject().put("path", a.path()).put("start_line", a.line()).put("end_line", a.line())
                        .put("annotation_level", a.level()).put("title", a.title()).put("message", a.message());
            }
            raw.sendOk("PATCH", path, request);
            from += ANNOTATIONS_PER_REQUEST;
        } while (from < all.size());
    }
}
