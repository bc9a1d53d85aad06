package dev.prharness.cli;

import dev.prharness.store.Job;
import dev.prharness.store.JobStatus;
import dev.prharness.store.JobStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pr-harness jobs}: what the server did and what it holds, from the same {@code PR_HARNESS_DB} it uses:
 * list, show one, retry dead jobs, purge old ones. Exit 0 when done, 2 for a bad id or option, 3 when the store
 * cannot be reached.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List, show, retry and purge the server's jobs (the store PR_HARNESS_DB names).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.ShowJob.class, JobsCommand.RetryJobs.class,
                JobsCommand.PurgeJobs.class})
final class JobsCommand implements Callable<Integer> {

    private final CliContext context;

    JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new UsageException("name what to do: jobs list | jobs show ID | jobs retry ID|--dead | jobs purge --older-than DAYS");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest jobs, one line each.")
    static final class ListJobs implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--status", description = "Only jobs in this status: queued, running, done, dead, superseded, cancelled.")
        String status;

        @Option(names = "--repo", description = "Only jobs of this repository (OWNER/REPO).")
        String repository;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        ListJobs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new UsageException("--limit " + limit + ": use a number from 1 to 10000");
            }
            Optional<JobStatus> wanted;
            try {
                wanted = Optional.ofNullable(status).map(JobStatus::parse);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--status: " + e.getMessage());
            }
            try (JobStore store = context.root().existingJobStore()) {
                List<Job> jobs = store.list(wanted, Optional.ofNullable(repository), limit);
                PrintStream out = context.out();
                out.printf("%-8s %-10s %-8s %-40s %8s  %-20s  %s%n", "ID", "STATUS", "KIND", "PULL REQUEST", "ATTEMPTS",
                        "UPDATED", "LAST ERROR");
                for (Job job : jobs) {
                    out.printf("%-8d %-10s %-8s %-40s %8d  %-20s  %s%n", job.id(), job.status().label(), job.kind(),
                            job.repository() + "#" + job.pullRequest(), job.attempts(), time(job.updatedMillis()),
                            firstLine(job.lastError()));
                }
                if (jobs.isEmpty()) {
                    out.println("(no jobs" + (status == null ? "" : " " + status) + (repository == null ? "" : " of " + repository) + ")");
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One job: what it was for, attempts, error, times, and what each attempt did.")
    static final class ShowJob implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The job's id (from jobs list).")
        long id;

        ShowJob(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (JobStore store = context.root().existingJobStore()) {
                Job job = store.find(id).orElseThrow(() -> new UsageException("there is no job " + id
                        + " in " + store.describe() + "; see pr-harness jobs list"));
                PrintStream out = context.out();
                out.println("job " + job.id() + ": " + job.kind() + " of " + job.repository() + "#" + job.pullRequest());
                out.println("  status:        " + job.status().label());
                out.println("  attempts:      " + job.attempts());
                out.println("  delivery:      " + job.deliveryId() + " (installation " + job.installationId() + ")");
                out.println("  created:       " + time(job.createdMillis()));
                out.println("  last changed:  " + time(job.updatedMillis()) + " (" + Duration.ofMillis(
                        Math.max(0, job.updatedMillis() - job.createdMillis())).toSeconds() + " s after it was created)");
                if (job.status() == JobStatus.RUNNING) {
                    out.println("  held by:       " + job.leaseOwner() + " until " + time(job.leaseUntilMillis()));
                }
                out.println("  last error:    " + (job.lastError() == null ? "none" : job.lastError()));
                out.println("  payload:       " + job.payload());
                for (JobStore.RunRecord record : store.runRecords(id)) {
                    out.println();
                    RunSummary.of(record).print(out);
                }
            }
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Queue a dead job (or every dead job) again.")
    static final class RetryJobs implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The dead job to queue again.")
        Long id;

        @Option(names = "--dead", description = "Queue every dead job again.")
        boolean allDead;

        RetryJobs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if ((id == null) == !allDead) {
                throw new UsageException("name one job (jobs retry ID) or all dead ones (jobs retry --dead)");
            }
            try (JobStore store = context.root().existingJobStore()) {
                if (allDead) {
                    context.out().println("queued again: " + store.retryAllDead() + " dead jobs");
                    return 0;
                }
                if (!store.retryDead(id)) {
                    String why = store.find(id).map(j -> "job " + id + " is " + j.status().label() + "; only a dead job can be retried")
                            .orElse("there is no job " + id + "; see pr-harness jobs list --status dead");
                    throw new UsageException(why);
                }
                context.out().println("job " + id + " queued again; a running server picks it up");
            }
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete finished jobs (done, superseded, cancelled, dead) older than some days.")
    static final class PurgeJobs implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--older-than", required = true, paramLabel = "DAYS", description = "Last changed more than this many days ago.")
        int days;

        PurgeJobs(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (days < 0) {
                throw new UsageException("--older-than " + days + ": use 0 or more days");
            }
            try (JobStore store = context.root().existingJobStore()) {
                int purged = store.purge(Instant.now().minus(Duration.ofDays(days)));
                context.out().println("deleted " + purged + " finished jobs last changed more than " + days + " days ago");
            }
            return 0;
        }
    }


    private static String time(long millis) {
        return millis <= 0 ? "-" : Instant.ofEpochMilli(millis).toString().replaceFirst("\\.\\d+Z$", "Z");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }
}
