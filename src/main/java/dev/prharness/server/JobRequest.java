package dev.prharness.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a stored job asks for, as one of a sealed set of records, stored as JSON with its {@code type}:
 * a review of a pull request, a comment command, or a reply in a review thread.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobRequest.Review.class, name = "review"),
    @JsonSubTypes.Type(value = JobRequest.Command.class, name = "command"),
    @JsonSubTypes.Type(value = JobRequest.ThreadReply.class, name = "thread")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface JobRequest {

    ObjectMapper JSON = new ObjectMapper();

    /**
     * The store's grouping key: a newer job of the same kind for the same pull request replaces a queued one
     * (reviews, and repeated commands other than questions).
     */
    String kind();

    /** Whether a newer job of the same kind replaces this one while it waits. */
    boolean supersedable();

    /** A review: the whole pull request ({@code full}), or what is new since the last reviewed head. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Review(@JsonProperty("full") boolean full) implements JobRequest {
        @Override
        public String kind() {
            return "review";
        }

        @Override
        public boolean supersedable() {
            return true;
        }
    }

    /** A comment command: which one, the comment, and who wrote it (login and account type). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Command(@JsonProperty("name") String name, @JsonProperty("comment_id") long commentId,
            @JsonProperty("body") String body, @JsonProperty("user") String user,
            @JsonProperty("user_type") String userType) implements JobRequest {
        @Override
        public String kind() {
            return "command/" + name;
        }

        @Override
        public boolean supersedable() {
            return !name.equals("ask");
        }
    }

    /**
     * A reply in a review thread that holds a command or mentions the bot: which command, the reply, the thread's first
     * comment, and who wrote it. Every reply is answered (none replaces another).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ThreadReply(@JsonProperty("name") String name, @JsonProperty("comment_id") long commentId,
            @JsonProperty("thread_comment_id") long threadCommentId, @JsonProperty("body") String body,
            @JsonProperty("user") String user, @JsonProperty("user_type") String userType) implements JobRequest {
        @Override
        public String kind() {
            return "thread/" + name;
        }

        @Override
        public boolean supersedable() {
            return false;
        }
    }

    default String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job request cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stored request. Jobs stored before requests carried their {@code type} are read by their kind
     * ({@code review}, {@code command/NAME}), so a queue survives an upgrade.
     */
    static JobRequest fromJson(String json, String kind) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            if (!node.has("type")) {
                String[] parts = kind.split("/", 2);
                node.put("type", parts[0]);
                if (parts.length == 2 && !node.has("name")) {
                    node.put("name", parts[1]);
                }
            }
            return JSON.treeToValue(node, JobRequest.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("job of kind '" + kind + "' has an unreadable request: " + e.getMessage(), e);
        }
    }
}
