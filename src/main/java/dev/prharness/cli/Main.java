package dev.prharness.cli;

import dev.prharness.config.ConfigException;
import dev.prharness.eval.EvalCaseException;
import dev.prharness.git.GitException;
import dev.prharness.codehost.CodeHostException;
import dev.prharness.harness.ModelCallException;
import dev.prharness.lint.LintConfigException;
import dev.prharness.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pr-harness} command line: subcommands, help, version, and the exit codes of SPEC §2. */
@Command(
        name = "pr-harness",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A code-review bot: linters and a language model review a change and comment on its lines.",
        subcommands = {ReviewCommand.class, ReviewPrCommand.class, ServeCommand.class, ActionCommand.class, DoctorCommand.class,
                JobsCommand.class, EvalCommand.class, FeedbackCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 3;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, Terminal.stdoutIsTerminal()));
    }

    /** Runs a command line with the given environment and streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        CliContext context = new CliContext(env, out, err, terminal);
        CommandLine commandLine = new CommandLine(new Main(), new ContextFactory(context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            int code = exitCodeOf(e);
            err.println("pr-harness: " + messageOf(e));
            return code;
        });
        return commandLine.execute(args);
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof CodeHostException host) {
            // Bad credentials, no access, no such PR: the user must change something. Anything else may pass.
            return host.needsUserAction() ? USAGE : UNAVAILABLE;
        }
        if (e instanceof GitException git) {
            return git.couldNotComplete() ? UNAVAILABLE : USAGE;
        }
        if (e instanceof UsageException || e instanceof ConfigException || e instanceof LintConfigException
                || e instanceof EvalCaseException) {
            return USAGE;
        }
        return UNAVAILABLE;
    }

    private static String messageOf(Throwable e) {
        if (exitCodeOf(e) == USAGE) {
            return e.getMessage();
        }
        if (e instanceof UnavailableException || e instanceof ModelCallException || e instanceof CodeHostException
                || e instanceof StoreException || e instanceof GitException) {
            return "could not complete: " + e.getMessage();
        }
        return "could not complete: " + e;
    }

    /** Gives each command the run's context through its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
