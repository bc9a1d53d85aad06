package dev.prharness.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Webhook payloads in GitHub's documented shape, written for these tests ({@code src/test/resources/webhooks/}),
 * re-aimed at the test's repository, pull request, head commit and App installation.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every comment a test makes is a new one, as on GitHub. */
    private static final java.util.concurrent.atomic.AtomicLong COMMENT_IDS = new java.util.concurrent.atomic.AtomicLong(88_000);

    private Fixtures() {}

    /** The payload {@code webhooks/NAME.json} from the test classpath, e.g. {@code ping} or {@code installation/deleted}. */
    public static ObjectNode load(String name) {
        String resource = "/webhooks/" + name + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the test classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }

    /** A pull_request payload for {@code repository#number} at {@code headSha}, from installation {@code installation}. */
    public static ObjectNode pullRequest(String action, String repository, int number, String headSha, long installation) {
        ObjectNode payload = load("pull_request/" + action);
        aim(payload, repository, installation);
        payload.put("number", number);
        ObjectNode pr = (ObjectNode) payload.get("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.get("head")).put("sha", headSha);
        return payload;
    }

    /** An issue_comment payload on pull request {@code number} by {@code login} (of {@code type} User or Bot). */
    public static ObjectNode comment(String action, String repository, int number, String body, String login,
            String type, long installation) {
        ObjectNode payload = load("issue_comment/" + action);
        aim(payload, repository, installation);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", number);
        issue.putObject("pull_request").put("url", "https://api.github.com/repos/" + repository + "/pulls/" + number);
        ObjectNode comment = (ObjectNode) payload.get("comment");
        comment.put("id", COMMENT_IDS.incrementAndGet());
        comment.put("body", body);
        ((ObjectNode) comment.get("user")).put("login", login).put("type", type);
        ((ObjectNode) payload.get("sender")).put("login", login).put("type", type);
        return payload;
    }

    /**
     * A pull_request_review_comment {@code created} payload for {@code comment} as the fake GitHub holds it (a reply
     * carries {@code in_reply_to_id}) on pull request {@code number}.
     */
    public static ObjectNode reviewComment(String repository, int number, com.fasterxml.jackson.databind.JsonNode comment,
            long installation) {
        ObjectNode payload = load("pull_request_review_comment/created");
        aim(payload, repository, installation);
        ((ObjectNode) payload.get("pull_request")).put("number", number);
        ObjectNode shaped = (ObjectNode) payload.get("comment");
        comment.fields().forEachRemaining(field -> shaped.set(field.getKey(), field.getValue().deepCopy()));
        if (!comment.has("in_reply_to_id")) {
            shaped.remove("in_reply_to_id");
        }
        ObjectNode sender = (ObjectNode) payload.get("sender");
        sender.put("login", shaped.path("user").path("login").asText()).put("type", shaped.path("user").path("type").asText());
        return payload;
    }

    private static void aim(ObjectNode payload, String repository, long installation) {
        ObjectNode repo = (ObjectNode) payload.get("repository");
        repo.put("full_name", repository);
        repo.put("name", repository.split("/")[1]);
        payload.putObject("installation").put("id", installation);
    }

    public static byte[] bytes(ObjectNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
