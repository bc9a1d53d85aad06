package dev.prharness.commands;

import dev.prharness.aireview.ChangeDescriber;
import dev.prharness.aireview.QuestionAnswerer;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.codehost.PullRequest;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.codehost.ReviewThread;
import dev.prharness.config.ReviewConfig;
import dev.prharness.harness.MeteredModel;
import dev.prharness.harness.ModelCallException;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.RunUsage;
import dev.prharness.pipeline.PullRequestChange;
import dev.prharness.pipeline.PullRequestReviewer;
import dev.prharness.pipeline.RepositoryConfig;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.review.CommentMarkdown;
import dev.prharness.review.Plural;
import dev.prharness.safety.InertText;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one comment command: bots are ignored, the commenter's write permission is checked before anything
 * else (a reader gets no model call and at most one polite reply per hour), limits apply, then 👀, the
 * work, and 🚀 — or 😕 with a reply saying what went wrong.
 */
public final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    /** What commands use: the review pipelines, the model (when configured), the bot's login, limits. */
    public record Services(ReviewPipeline reviewPipeline, ReviewPipeline lintPipeline,
            Optional<QuestionAnswerer> answerer, Optional<ModelClient> model, Optional<String> botLogin,
            CommandLimits limits) {}

    /**
     * The comment that may hold a command: a conversation comment, or a reply in the review thread whose first comment
     * is {@code threadCommentId} (0 for a conversation comment), answered in that thread.
     */
    public record Comment(long id, String body, String author, String authorType, long threadCommentId) {

        public Comment(long id, String body, String author, String authorType) {
            this(id, body, author, authorType, 0);
        }

        boolean inThread() {
            return threadCommentId > 0;
        }
    }

    /** What happened, for logs and the Action's outputs. */
    public enum Result {
        IGNORED,
        NOT_ALLOWED,
        LIMITED,
        DONE,
        FAILED
    }

    private final Services services;
    private final CommandParser parser;

    public CommandRunner(Services services) {
        this.services = services;
        this.parser = new CommandParser(services.botLogin());
    }

    /** Runs a command once, where nothing retries it (the Action): every failure is answered on the pull request. */
    public Result run(CodeHost host, PullRequestRef ref, Comment comment) {
        return run(host, ref, comment, false);
    }

    /**
     * Runs a command. With {@code mayRetry} (the server, before a job's last attempt) a temporary failure (the
     * code host or the model unreachable, rate limited, a 5xx) is thrown for the job runner to retry later;
     * otherwise, and for lasting failures, the commenter gets 😕 and a reply saying what to do. A command already
     * answered (its reply carries the comment's id) is not run again: a job re-run after a crash posts nothing twice.
     */
    public Result run(CodeHost host, PullRequestRef ref, Comment comment, boolean mayRetry) {
        if ("Bot".equalsIgnoreCase(comment.authorType())
                || services.botLogin().map(login -> login.equalsIgnoreCase(comment.author())).orElse(false)) {
            return Result.IGNORED;
        }
        Optional<BotCommand> parsed = comment.inThread() ? parser.parseReply(comment.body()) : parser.parse(comment.body());
        if (parsed.isEmpty()) {
            return Result.IGNORED;
        }
        BotCommand command = parsed.get();
        if (alreadyAnswered(host, ref, comment.id())) {
            LOG.info("{}: /{} of comment {} was already answered; not run again", ref, command.name(), comment.id());
            return Result.DONE;
        }
        if (!host.canWrite(ref, comment.author())) {
            LOG.info("{}: @{} may not run /{} (needs write access)", ref, comment.author(), command.name());
            // A reader mentioning the bot in a thread may just be talking about it: only commands get the note.
            if (!(comment.inThread() && command instanceof BotCommand.Ask && !comment.body().strip().startsWith("/"))
                    && services.limits().mayTellReader(ref.toString())) {
                reply(host, ref, comment, "@" + comment.author() + " thanks for trying pr-harness! Its commands are for "
                        + "people with write access to this repository, so this one was not run.");
            }
            return Result.NOT_ALLOWED;
        }
        if (!services.limits().allow(comment.author(), ref.toString())) {
            reply(host, ref, comment, "@" + comment.author() + " the command limit for this hour is reached (per person "
                    + "or per pull request); `/" + command.name() + "` was not run. Try again later.");
            return Result.LIMITED;
        }
        react(host, ref, comment, "eyes");
        try {
            Optional<String> answer = execute(host, ref, command, comment);
            answer.ifPresent(text -> reply(host, ref, comment, text));
            react(host, ref, comment, "rocket");
            return Result.DONE;
        } catch (RuntimeException e) {
            if (mayRetry && temporary(e)) {
                LOG.warn("{}: /{} failed for now, to be retried: {}", ref, command.name(), e.getMessage());
                throw e;
            }
            LOG.warn("{}: /{} failed: {}", ref, command.name(), e.getMessage());
            react(host, ref, comment, "confused");
            reply(host, ref, comment, "@" + comment.author() + " `/" + command.name() + "` failed: " + reason(e));
            return Result.FAILED;
        }
    }

    /** Every reply ends with a marker naming the comment it answers, where the bot writes it: the last line. */
    private static String marker(long commentId) {
        return CommentMarkdown.MARKER_PREFIX + "reply to=" + commentId + " -->";
    }

    /** A reply where the comment was written: in its review thread, or on the conversation. */
    private static void reply(CodeHost host, PullRequestRef ref, Comment comment, String text) {
        String body = text.strip() + "\n\n" + marker(comment.id());
        if (comment.inThread()) {
            host.replyInThread(ref, comment.threadCommentId(), body);
        } else {
            host.createComment(ref, body);
        }
    }

    private static void react(CodeHost host, PullRequestRef ref, Comment comment, String content) {
        if (comment.inThread()) {
            host.reactToReviewComment(ref, comment.id(), content);
        } else {
            host.react(ref, comment.id(), content);
        }
    }

    /** Whether one of the bot's own comments already answers this comment (unknowable when its login is not known). */
    private boolean alreadyAnswered(CodeHost host, PullRequestRef ref, long commentId) {
        if (services.botLogin().isEmpty()) {
            return false;
        }
        String marker = marker(commentId);
        return host.comments(ref).stream()
                .filter(c -> services.botLogin().get().equalsIgnoreCase(c.author()))
                .anyMatch(c -> c.body() != null && c.body().strip().endsWith(marker));
    }

    private static boolean temporary(RuntimeException e) {
        return e instanceof ModelCallException || e instanceof CodeHostException host && host.isTransient();
    }

    /** What went wrong, for the pull request: no endpoint, host or internal detail (the log has those). */
    private static String reason(RuntimeException e) {
        if (e instanceof CommandUnavailable) {
            return e.getMessage();
        }
        if (e instanceof CodeHostException host) {
            return "GitHub answered " + (host.status() > 0 ? "HTTP " + host.status() : "nothing")
                    + " while it ran. Try again later; the bot's log has the details.";
        }
        if (e instanceof ModelCallException) {
            return "the model did not answer usefully. Try again later; the bot's log has the details.";
        }
        return "an unexpected error. The bot's log has the details.";
    }

    private Optional<String> execute(CodeHost host, PullRequestRef ref, BotCommand command, Comment comment) {
        return switch (command) {
            case BotCommand.Review review -> {
                PullRequestReviewer.Outcome outcome = new PullRequestReviewer(host, services.reviewPipeline(),
                        services.botLogin()).review(ref, new PullRequestReviewer.Options(review.full(), false,
                        Optional.empty(), false).withCheckRun(Optional.empty()), ReviewProgress.SILENT);
                yield Optional.of(outcome.scope() + " " + posted(outcome));
            }
            case BotCommand.Lint() -> {
                PullRequestReviewer.Outcome outcome = new PullRequestReviewer(host, services.lintPipeline(),
                        services.botLogin()).review(ref, new PullRequestReviewer.Options(true, false, Optional.empty(), false),
                        ReviewProgress.SILENT); // no check run: linters alone must not replace the review's conclusion
                yield Optional.of("Linters run. " + posted(outcome));
            }
            case BotCommand.Ask ask -> {
                if (ask.question().isBlank()) {
                    yield Optional.of("`/ask` needs a question, e.g. `/ask is the cache invalidated on logout?`");
                }
                QuestionAnswerer answerer = services.answerer().orElseThrow(() -> new CommandUnavailable(
                        "the AI is not configured on this bot (no OPENAI_API_KEY), and /ask needs it"));
                PullRequest pr = host.read(ref);
                ReviewConfig config = RepositoryConfig.load(host, pr, new ArrayList<>(), RepositoryConfig.PATH,
                        services.lintPipeline().configLoader());
                String thread = comment.inThread() ? threadContext(host, ref, comment) : "";
                String answer = answerer.answer(PullRequestChange.whole(host, pr), config, ask.question(), thread);
                // In a thread the question is right above the answer; on the conversation it is quoted.
                yield Optional.of((comment.inThread() ? "" : quote(ask.question()) + "\n\n") + InertText.markdown(answer));
            }
            case BotCommand.Ignore ignore -> Optional.of(new Gestures(services.reviewPipeline().feedbackLedger(),
                    services.botLogin()).apply(host, ref, comment, ignore.gesture()));
            case BotCommand.Malformed malformed -> Optional.of(malformed.problem());
            case BotCommand.Describe() -> {
                ModelClient model = services.model().orElseThrow(() -> new CommandUnavailable(
                        "the AI is not configured on this bot (no OPENAI_API_KEY), and /describe needs it"));
                PullRequest pr = host.read(ref);
                MeteredModel metered = new MeteredModel(model, ref + "/describe", new RunUsage());
                String summary = new ChangeDescriber().describe(
                        PullRequestChange.whole(host, pr).info(), pr.files(), metered)
                        .orElseThrow(() -> new CommandUnavailable("the model gave no description; try again later"));
                yield Optional.of("**What this pull request does** (written by pr-harness)\n\n" + InertText.markdown(summary));
            }
            case BotCommand.Help help -> Optional.of((help.unknown().isEmpty() ? ""
                    : "`/" + help.unknown() + "` is not a command I know.\n\n") + CommandParser.help());
        };
    }

    /**
     * The thread a question was asked in, for the model: where it sits, the commented code, and each comment before the
     * question with its author (the bot's comments without their hidden markers). When the thread cannot be read now,
     * the question is answered without it.
     */
    /** Lines of the diff above a commented line shown with a question asked in its thread. */
    private static final int HUNK_LINES = 12;

    private static String threadContext(CodeHost host, PullRequestRef ref, Comment comment) {
        Optional<ReviewThread> thread;
        try {
            thread = host.reviewThreads(ref).stream()
                    .filter(t -> !t.comments().isEmpty() && t.first().id() == comment.threadCommentId()).findFirst();
        } catch (CodeHostException e) {
            LOG.warn("{}: the thread of comment {} could not be read ({}); answering without it", ref,
                    comment.threadCommentId(), e.getMessage());
            return "";
        }
        if (thread.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("File: ").append(thread.get().path()).append('\n');
        String[] hunk = thread.get().first().diffHunk().split("\n");
        if (hunk.length > 1) {
            // The diff around the commented line: the hunk ends at it (a multi-line comment's lines are its last ones).
            text.append("Diff up to the commented line:\n");
            java.util.Arrays.stream(hunk, Math.max(1, hunk.length - HUNK_LINES), hunk.length)
                    .forEach(line -> text.append(line).append('\n'));
        }
        for (ReviewThread.Comment c : thread.get().comments()) {
            if (c.id() == comment.id()) {
                break;
            }
            text.append("\n@").append(c.author()).append(" wrote:\n").append(CommentMarkdown.withoutMarkers(c.body()).strip())
                    .append('\n');
        }
        return text.toString();
    }

    private static String posted(PullRequestReviewer.Outcome outcome) {
        return outcome.reviewPosted()
                ? "Posted a review with " + Plural.count(outcome.plan().inline().size(), "inline comment")
                        + "; the summary comment has the details."
                : "Nothing new to comment on; the summary comment is up to date.";
    }

    private static String quote(String question) {
        StringBuilder out = new StringBuilder();
        InertText.markdown(question.strip()).lines().forEach(l -> out.append("> ").append(l).append('\n'));
        return out.toString().strip();
    }
}
