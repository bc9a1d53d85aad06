package dev.prharness.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prharness.store.InstallationState;
import dev.prharness.store.NewJob;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the event name and the payload, what a delivery is: a review to run (pull request opened,
 * reopened, ready for review: whole; synchronize: incremental), a command (a new comment on a pull request
 * whose first line is one, or a reply in a review thread that holds one or mentions the bot), installation
 * bookkeeping, a ping, or something to ignore.
 */
public final class WebhookRouter {

    private static final Set<String> REVIEW_ACTIONS = Set.of("opened", "reopened", "ready_for_review", "synchronize");

    private final CommandFilter commands;

    public WebhookRouter(CommandFilter commands) {
        this.commands = commands;
    }

    /** Names the command a comment holds, if any (a cheap check before anything is stored). */
    public interface CommandFilter {
        Optional<String> commandName(String commentBody);

        /** The same for a reply in a review thread, where a mention of the bot is a question. */
        Optional<String> replyCommandName(String replyBody);
    }

    Route route(String event, String deliveryId, JsonNode payload) {
        String action = payload.path("action").asText("");
        return switch (event) {
            case "ping" -> new Route.Pong();
            case "pull_request" -> pullRequest(deliveryId, action, payload);
            case "issue_comment" -> comment(deliveryId, action, payload);
            case "pull_request_review_comment" -> threadReply(deliveryId, action, payload);
            case "installation" -> installation(action, payload);
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
        return accept(deliveryId, payload, pr, new JobRequest.Review(!action.equals("synchronize")));
    }

    /**
     * An uninstalled or suspended installation's queued jobs are dropped and its deliveries no longer stored;
     * a new, unsuspended or re-permitted one is active again.
     */
    private static Route installation(String action, JsonNode payload) {
        JsonNode id = payload.path("installation").path("id");
        if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
            return new Route.Invalid("installation event has no installation.id");
        }
        Optional<InstallationState> state = switch (action) {
            case "created", "unsuspend", "new_permissions_accepted" -> Optional.of(InstallationState.ACTIVE);
            case "suspend" -> Optional.of(InstallationState.SUSPENDED);
            case "deleted" -> Optional.of(InstallationState.REMOVED);
            default -> Optional.empty();
        };
        return state.<Route>map(s -> new Route.Installation(id.asLong(),
                        payload.path("installation").path("account").path("login").asText(""), s))
                .orElseGet(() -> new Route.Ignore("installation." + action + " needs no bookkeeping"));
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
        // The same command queued twice for one pull request runs once; questions are all answered.
        return accept(deliveryId, payload, issue, new JobRequest.Command(command.get(), comment.path("id").asLong(),
                comment.path("body").asText(""), comment.path("user").path("login").asText(""),
                comment.path("user").path("type").asText("")));
    }

    /** A reply in a review thread that holds a command (or mentions the bot): answered in that thread. */
    private Route threadReply(String deliveryId, String action, JsonNode payload) {
        if (!action.equals("created")) {
            return new Route.Ignore("pull_request_review_comment." + action + " never runs a command");
        }
        JsonNode comment = payload.path("comment");
        if ("Bot".equals(comment.path("user").path("type").asText()) || "Bot".equals(payload.path("sender").path("type").asText())) {
            return new Route.Ignore("comments by bots never run commands");
        }
        JsonNode thread = comment.path("in_reply_to_id");
        if (!thread.isIntegralNumber() || thread.asLong() < 1) {
            return new Route.Ignore("review comment is not a reply in a thread");
        }
        Optional<String> command = commands.replyCommandName(comment.path("body").asText(""));
        if (command.isEmpty()) {
            return new Route.Ignore("reply is not a command and does not mention the bot");
        }
        Optional<Route.Invalid> missing = missing(payload, payload.path("pull_request"));
        if (missing.isPresent()) {
            return missing.get();
        }
        return accept(deliveryId, payload, payload.path("pull_request"), new JobRequest.ThreadReply(command.get(),
                comment.path("id").asLong(), thread.asLong(), comment.path("body").asText(""),
                comment.path("user").path("login").asText(""), comment.path("user").path("type").asText("")));
    }

    private static Route accept(String deliveryId, JsonNode payload, JsonNode numbered, JobRequest request) {
        return new Route.Accept(new NewJob(deliveryId, request.kind(), payload.path("repository").path("full_name").asText(),
                numbered.path("number").asInt(), payload.path("installation").path("id").asLong(), request.toJson(),
                request.supersedable()));
    }

    private static Optional<Route.Invalid> missing(JsonNode payload, JsonNode numbered) {
        if (!payload.path("repository").path("full_name").isTextual()) {
            return Optional.of(new Route.Invalid("payload has no repository.full_name"));
        }
        if (!payload.path("repository").path("full_name").asText().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            return Optional.of(new Route.Invalid("repository.full_name is not OWNER/REPO"));
        }
        JsonNode number = numbered.path("number");
        if (!number.isIntegralNumber() || !number.canConvertToInt() || number.asInt() < 1) {
            return Optional.of(new Route.Invalid("payload has no pull request number from 1 to " + Integer.MAX_VALUE));
        }
        JsonNode installation = payload.path("installation").path("id");
        if (!installation.isIntegralNumber()) {
            return Optional.of(new Route.Invalid("payload has no installation.id: is the webhook configured on the "
                    + "GitHub App (not on the repository)?"));
        }
        if (!installation.canConvertToLong() || installation.asLong() < 1) {
            return Optional.of(new Route.Invalid("installation.id is not a positive 64-bit number"));
        }
        return Optional.empty();
    }
}
