package dev.prharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prharness.action.WorkflowCommands;
import dev.prharness.app.CompositionRoot;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.commands.CommandRunner;
import dev.prharness.commands.ProcessUsageCounter;
import dev.prharness.pipeline.PullRequestReviewer;
import dev.prharness.pipeline.RepositoryConfig;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.MarkdownReport;
import dev.prharness.review.Review;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code pr-harness action}: the GitHub Action's entrypoint. Reads the Actions environment and the action's
 * inputs ({@code INPUT_<NAME>}, hyphens kept), reviews on {@code pull_request}/{@code pull_request_target},
 * runs commands on {@code issue_comment} and replies in review threads on {@code pull_request_review_comment}, and
 * degrades to the step summary and annotations when the token cannot write.
 */
@Command(name = "action", mixinStandardHelpOptions = true,
        description = "The GitHub Action entrypoint (what the Docker image runs); configured by the action's inputs.")
final class ActionCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliContext context;

    ActionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        CompositionRoot root = new CompositionRoot(modelEnvironment(), context.err());
        WorkflowCommands runner = new WorkflowCommands(context.out(), context.env(), root.outgoingFilter());
        String token = input("github-token").or(() -> context.variable("GITHUB_TOKEN")).orElseThrow(() ->
                new UsageException("no GitHub token: the github-token input is empty (its default is ${{ github.token }})"));
        runner.mask(token);
        input("openai-api-key").ifPresent(runner::mask);
        FailOn failOn = FailOn.parse(input("fail-on").orElse("none"));

        String event = context.variable("GITHUB_EVENT_NAME").orElseThrow(() -> new UsageException(
                "GITHUB_EVENT_NAME is not set: pr-harness action runs inside a GitHub Actions workflow"));
        Path eventPath = context.variable("GITHUB_EVENT_PATH").map(Path::of).orElseThrow(() -> new UsageException(
                "GITHUB_EVENT_PATH is not set: pr-harness action runs inside a GitHub Actions workflow"));
        if (!java.util.Set.of("pull_request", "pull_request_target", "issue_comment", "pull_request_review_comment").contains(event)) {
            context.out().println("pr-harness: the event '" + event + "' is not handled; run this action on "
                    + "pull_request, pull_request_target, issue_comment or pull_request_review_comment. Nothing to do.");
            return Main.OK;
        }
        JsonNode payload = JSON.readTree(Files.readString(eventPath));

        ReviewPipeline pipeline = root.reviewPipeline(false);
        CompositionRoot.HostSession github = root.gitHubWithToken(token, context.variable("GITHUB_REPOSITORY").orElse("action"));

        if (event.equals("issue_comment") || event.equals("pull_request_review_comment")) {
            return command(runner, github.host(), root.commandRunner(pipeline, github.botLogin(),
                    new ProcessUsageCounter(Clock.systemUTC())), payload, event.equals("pull_request_review_comment"));
        }
        return review(runner, github.host(), pipeline, github.botLogin(), payload, failOn);
    }

    private int review(WorkflowCommands runner, CodeHost github, ReviewPipeline pipeline,
            Optional<String> botLogin, JsonNode payload, FailOn failOn) throws IOException {
        PullRequestRef ref = refOf(payload.path("repository"), payload.path("pull_request").path("number").asInt(
                payload.path("number").asInt()));
        runner.group("pr-harness: reviewing " + ref);
        PullRequestReviewer reviewer = new PullRequestReviewer(github, pipeline, botLogin);
        PullRequestReviewer.Planned planned = reviewer.plan(ref, new PullRequestReviewer.Options(false, false,
                Optional.empty(), true, input("config").orElse(RepositoryConfig.PATH)).withCheckRun(failOn.threshold()),
                ReviewProgress.SILENT);
        Review review = planned.review();
        int posted = 0;
        if (!planned.actionable()) {
            context.out().println("pr-harness: " + planned.scope());
        } else {
            try {
                PullRequestReviewer.Outcome outcome = reviewer.publish(planned, ReviewProgress.SILENT);
                posted = outcome.reviewPosted() ? outcome.plan().inline().size() : 0;
                context.out().println("pr-harness: " + planned.scope() + " " + dev.prharness.review.Plural.count(posted, "inline comment") + " posted.");
            } catch (CodeHostException e) {
                if (!e.isReadOnlyToken()) {
                    throw e;
                }
                int annotations = runner.annotate(review);
                runner.warning("pr-harness could not post on the pull request: the token is read-only (fork pull "
                        + "requests and permissions: read get such tokens). The review is in the job summary and "
                        + annotations + " annotations. To post reviews, give the job 'permissions: pull-requests: write' "
                        + "and 'issues: write', or use pull_request_target (see the README for its caveats).");
            }
        }
        runner.endGroup();
        runner.summary(new MarkdownReport().render(review));
        runner.output("comments", String.valueOf(posted));
        runner.output("findings", String.valueOf(review.comments().size() + review.fileNotes().size()));
        return failOn.exitCode(review);
    }

    /**
     * A command in a new comment: on the conversation ({@code issue_comment}), or a reply in a review thread
     * ({@code pull_request_review_comment}, answered in the thread).
     */
    private int command(WorkflowCommands runner, CodeHost github, CommandRunner commands, JsonNode payload, boolean reply)
            throws IOException {
        JsonNode numbered = reply ? payload.path("pull_request") : payload.path("issue");
        JsonNode comment = payload.path("comment");
        long thread = reply ? comment.path("in_reply_to_id").asLong(0) : 0;
        if (!payload.path("action").asText().equals("created") || (!reply && numbered.path("pull_request").isMissingNode())
                || (reply && thread < 1)) {
            context.out().println("pr-harness: only new comments on pull requests (and replies in review threads) can hold "
                    + "commands. Nothing to do.");
            return Main.OK;
        }
        PullRequestRef ref = refOf(payload.path("repository"), numbered.path("number").asInt());
        runner.group("pr-harness: comment command on " + ref);
        CommandRunner.Result result;
        try {
            result = commands.run(github, ref, new CommandRunner.Comment(comment.path("id").asLong(),
                    comment.path("body").asText(""), comment.path("user").path("login").asText(""),
                    comment.path("user").path("type").asText(""), thread));
        } catch (CodeHostException e) {
            if (!e.isReadOnlyToken()) {
                throw e;
            }
            runner.warning("pr-harness could not answer the command: the token is read-only. Give the job "
                    + "'permissions: pull-requests: write' and 'issues: write'.");
            result = CommandRunner.Result.FAILED;
        }
        runner.endGroup();
        context.out().println("pr-harness: command " + result.name().toLowerCase(java.util.Locale.ROOT));
        runner.output("comments", "0");
        runner.output("findings", "0");
        return Main.OK;
    }

    private static PullRequestRef refOf(JsonNode repository, int number) {
        String[] name = repository.path("full_name").asText("/").split("/", 2);
        if (name.length < 2 || name[0].isEmpty() || number <= 0) {
            throw new UsageException("the event payload names no pull request (repository.full_name and number)");
        }
        return new PullRequestRef(name[0], name[1], number);
    }

    /** The environment with the action's model inputs as the variables the rest of pr-harness reads. */
    private Map<String, String> modelEnvironment() {
        Map<String, String> env = new HashMap<>(context.env());
        input("openai-api-key").ifPresent(v -> env.put("OPENAI_API_KEY", v));
        input("openai-base-url").ifPresent(v -> env.put("OPENAI_BASE_URL", v));
        input("model").ifPresent(v -> env.put("PR_HARNESS_MODEL", v));
        input("cheap-model").ifPresent(v -> env.put("PR_HARNESS_CHEAP_MODEL", v));
        return env;
    }

    /** An input as Docker actions receive it: {@code INPUT_} and the name upper-cased, hyphens kept. */
    private Optional<String> input(String name) {
        return context.variable("INPUT_" + name.toUpperCase(java.util.Locale.ROOT));
    }
}
