package dev.prharness.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prharness.store.NewJob;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the event name and the payload, what a delivery is: a review to run (pull request opened,
 * reopened, ready for review: whole; synchronize: incremental), a command (a new comment on a pull request
 * whose first line is one), installation bookkeeping, a ping, or something to ignore.
 */
public final class WebhookRouter {

    public static final String REVIEW = "review";
    public static final String COMMAND = "command";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REVIEW_ACTIONS = Set.of("opened", "reopened", "ready_for_review", "synchronize");

    private final CommandFilter commands;

    public WebhookRouter(CommandFilter commands) {
        this.commands = commands;
    }

    /** Names the command a comment holds, if any (a cheap check before anything is stored). */
    @FunctionalInterface
    public interface CommandFilter {
        Optional<String> commandName(String commentBody);
    }

    Route route(String event, String deliveryId, JsonNode payload) {
        String action = payload.path("action").asText("");
        return switch (event) {
            case "ping" -> new Route.Pong();
            case "pull_request" -> pullRequest(deliveryId, action, payload);
            case "issue_comment" -> comment(deliveryId, action, payload);
            case "installation", "installation_repositories" -> new Route.Installation(
                    payload.path("installation").path("id").asLong(),
                    payload.path("installation").path("account").path("login").asText(""), event + "." + action);
            default -> new Route.Ignore("event " + event + " is not handled");
        };
    }

    private Route pullRequest(String deliveryId, String action, JsonNode payload) {
        if (!REVIEW_ACTIONS.contains(action)) {
            return new Route.Ignore("pull_request." + action + " is not reviewed");
        }
        JsonNode pr = payload.path("pull_request");
        Optional<Route.Invalid> missing = missing(payload, pr);
        if (missing.isPresent()) {
            return missing.get();
        }
        ObjectNode job = JSON.createObjectNode();
        job.put("action", action);
        job.put("head_sha", pr.path("head").path("sha").asText(""));
        job.put("draft", pr.path("draft").asBoolean(false));
        job.put("full", !action.equals("synchronize"));
        return new Route.Accept(new NewJob(deliveryId, REVIEW, payload.path("repository").path("full_name").asText(),
                pr.path("number").asInt(), payload.path("installation").path("id").asLong(),
                job.toString(), true));
    }

    private Route comment(String deliveryId, String action, JsonNode payload) {
        if (!action.equals("created")) {
            return new Route.Ignore("issue_comment." + action + " never runs a command");
        }
        JsonNode issue = payload.path("issue");
        if (issue.path("pull_request").isMissingNode() || issue.path("pull_request").isNull()) {
            return new Route.Ignore("comment on an issue, not a pull request");
        }
        JsonNode comment = payload.path("comment");
        if ("Bot".equals(comment.path("user").path("type").asText()) || "Bot".equals(payload.path("sender").path("type").asText())) {
            return new Route.Ignore("comments by bots never run commands");
        }
        Optional<String> command = commands.commandName(comment.path("body").asText(""));
        if (command.isEmpty()) {
            return new Route.Ignore("comment is not a command");
        }
        Optional<Route.Invalid> missing = missing(payload, issue);
        if (missing.isPresent()) {
            return missing.get();
        }
        ObjectNode job = JSON.createObjectNode();
        job.put("comment_id", comment.path("id").asLong());
        job.put("body", comment.path("body").asText(""));
        job.put("user", comment.path("user").path("login").asText(""));
        job.put("user_type", comment.path("user").path("type").asText(""));
        // The same command queued twice for one pull request runs once; questions are all answered.
        return new Route.Accept(new NewJob(deliveryId, COMMAND + "/" + command.get(),
                payload.path("repository").path("full_name").asText(), issue.path("number").asInt(),
                payload.path("installation").path("id").asLong(), job.toString(), !command.get().equals("ask")));
    }

    private static Optional<Route.Invalid> missing(JsonNode payload, JsonNode numbered) {
        if (!payload.path("repository").path("full_name").isTextual()) {
            return Optional.of(new Route.Invalid("payload has no repository.full_name"));
        }
        if (!numbered.path("number").isIntegralNumber()) {
            return Optional.of(new Route.Invalid("payload has no pull request number"));
        }
        if (!payload.path("installation").path("id").isIntegralNumber()) {
            return Optional.of(new Route.Invalid("payload has no installation.id: is the webhook configured on the "
                    + "GitHub App (not on the repository)?"));
        }
        return Optional.empty();
    }
}
