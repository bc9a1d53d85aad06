package dev.prharness.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.ReviewThread;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull request's review threads, through GraphQL (REST has no threads and no way to resolve one): listed
 * {@value #THREADS_PER_QUERY} a query with their first {@value #COMMENTS_PER_THREAD} comments, and resolved.
 */
final class GitHubReviewThreads {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** GraphQL connections give at most 100 nodes a page. */
    private static final int THREADS_PER_QUERY = 100;
    private static final int COMMENTS_PER_THREAD = 100;
    private static final String LIST = "query($owner: String!, $name: String!, $number: Int!, $cursor: String) {"
            + " repository(owner: $owner, name: $name) { pullRequest(number: $number) {"
            + " reviewThreads(first: " + THREADS_PER_QUERY + ", after: $cursor) { pageInfo { hasNextPage endCursor }"
            + " nodes { id isResolved path resolvedBy { login }"
            + " comments(first: " + COMMENTS_PER_THREAD + ") { nodes { databaseId body createdAt diffHunk"
            + " author { login __typename } } } } } } } }";
    private static final String RESOLVE = "mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) "
            + "{ thread { id isResolved } } }";

    private final RawRequests raw;

    GitHubReviewThreads(RawRequests raw) {
        this.raw = raw;
    }

    List<ReviewThread> list(PullRequestRef ref) throws IOException {
        List<ReviewThread> threads = new ArrayList<>();
        String cursor = null;
        do {
            ObjectNode variables = JSON.createObjectNode().put("owner", ref.owner()).put("name", ref.repo())
                    .put("number", ref.number());
            variables.put("cursor", cursor);
            JsonNode page = raw.graphQlData(LIST, variables).path("repository").path("pullRequest").path("reviewThreads");
            for (JsonNode thread : page.path("nodes")) {
                threads.add(threadOf(thread));
            }
            cursor = page.path("pageInfo").path("hasNextPage").asBoolean(false)
                    ? page.path("pageInfo").path("endCursor").asText(null) : null;
        } while (cursor != null);
        return threads;
    }

    void resolve(String threadId) throws IOException {
        raw.graphQlData(RESOLVE, JSON.createObjectNode().put("id", threadId));
    }

    /**
     * A thread as GraphQL gives it. GraphQL names an App by its slug ({@code pr-harness}) where REST says
     * {@code pr-harness[bot]}; the REST form is kept, so one login names the bot everywhere.
     */
    private static ReviewThread threadOf(JsonNode thread) {
        List<ReviewThread.Comment> comments = new ArrayList<>();
        for (JsonNode c : thread.path("comments").path("nodes")) {
            boolean bot = c.path("author").path("__typename").asText().equals("Bot");
            String login = c.path("author").path("login").asText("");
            comments.add(new ReviewThread.Comment(c.path("databaseId").asLong(), bot && !login.endsWith("[bot]") ? login + "[bot]"
                    : login, bot, c.path("body").asText(""), Instant.parse(c.path("createdAt").asText("1970-01-01T00:00:00Z")),
                    c.path("diffHunk").asText("")));
        }
        return new ReviewThread(thread.path("id").asText(), thread.path("isResolved").asBoolean(false),
                thread.path("resolvedBy").path("login").asText(""), thread.path("path").asText(""), comments);
    }
}
