package dev.prharness.server;

import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHosts;
import dev.prharness.codehost.PullRequestRef;
import dev.prharness.commands.CommandRunner;
import dev.prharness.events.EventLog;
import dev.prharness.pipeline.PullRequestReviewer;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.pipeline.ReviewProgress;
import dev.prharness.pipeline.SpendingAccount;
import dev.prharness.store.Job;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each job by the type of its request, on the code host as the job's installation sees it. */
public final class JobDispatcher implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JobDispatcher.class);

    private final CodeHosts hosts;
    private final ReviewPipeline pipeline;
    private final CommandRunner commands;
    private final Optional<String> botLogin;

    private final int maxAttempts;

    /** {@code maxAttempts}: the job runner's; before the last one, a command's temporary failure is left to a retry. */
    public JobDispatcher(CodeHosts hosts, ReviewPipeline pipeline, CommandRunner commands, Optional<String> botLogin,
            int maxAttempts) {
        this.hosts = hosts;
        this.pipeline = pipeline;
        this.commands = commands;
        this.botLogin = botLogin;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void handle(Job job, LeaseCheck lease) {
        // The job's repository and installation pay for its model calls (the server's budgets).
        new SpendingAccount(job.repository(), job.installationId()).charge(() -> {
            run(job, lease);
            return null;
        });
    }

    private void run(Job job, LeaseCheck lease) {
        PullRequestRef ref = pullRequestOf(job);
        CodeHost host = new LeasedCodeHost(hosts.forInstallation(job.installationId()), lease);
        switch (JobRequest.fromJson(job.payload(), job.kind())) {
            case JobRequest.Review review -> {
                PullRequestReviewer.Outcome outcome = new PullRequestReviewer(host, pipeline, botLogin).review(ref,
                        new PullRequestReviewer.Options(review.full(), false, Optional.empty(), true)
                                .withCheckRun(Optional.empty()), ReviewProgress.SILENT);
                int inline = outcome.reviewPosted() ? outcome.plan().inline().size() : 0;
                LOG.info("{}: {} {} inline comments posted", ref, outcome.scope(), inline);
                EventLog.emit("posted", "review", outcome.reviewPosted(), "inline_comments", inline,
                        "in_body", outcome.reviewPosted() ? outcome.plan().overflow().size() : 0,
                        "summary", outcome.summaryWritten(), "scope", outcome.scope());
            }
            case JobRequest.Command command -> {
                CommandRunner.Result result = commands.run(host, ref, new CommandRunner.Comment(command.commentId(),
                        command.body(), command.user(), command.userType()), job.attempts() < maxAttempts);
                LOG.info("{}: /{} from @{}: {}", ref, command.name(), command.user(), result);
                EventLog.emit("posted", "command", command.name(), "result", String.valueOf(result));
            }
            case JobRequest.ThreadReply reply -> {
                CommandRunner.Result result = commands.run(host, ref, new CommandRunner.Comment(reply.commentId(),
                        reply.body(), reply.user(), reply.userType(), reply.threadCommentId()), job.attempts() < maxAttempts);
                LOG.info("{}: /{} from @{} in the thread of comment {}: {}", ref, reply.name(), reply.user(),
                        reply.threadCommentId(), result);
                EventLog.emit("posted", "command", reply.name(), "thread", reply.threadCommentId(), "result", String.valueOf(result));
            }
        }
    }

    private static PullRequestRef pullRequestOf(Job job) {
        String[] repository = job.repository().split("/", 2);
        return new PullRequestRef(repository[0], repository[1], job.pullRequest());
    }
}
