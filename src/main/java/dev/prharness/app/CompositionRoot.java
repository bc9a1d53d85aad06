package dev.prharness.app;

import dev.prharness.aireview.AiReviewer;
import dev.prharness.aireview.AiSetup;
import dev.prharness.aireview.HarnessSettings;
import dev.prharness.aireview.Prompts;
import dev.prharness.aireview.QuestionAnswerer;
import dev.prharness.codehost.CodeHost;
import dev.prharness.codehost.CodeHosts;
import dev.prharness.codehost.FilteredCodeHost;
import dev.prharness.commands.BotCommand;
import dev.prharness.commands.CommandLimits;
import dev.prharness.commands.UsageCounter;
import dev.prharness.commands.CommandParser;
import dev.prharness.commands.CommandRunner;
import dev.prharness.config.BotSettings;
import dev.prharness.config.BotSettingsLoader;
import dev.prharness.config.ConfigException;
import dev.prharness.github.AppPrivateKey;
import dev.prharness.github.GitHubAuth;
import dev.prharness.github.GitHubConnection;
import dev.prharness.github.GitHubInstallations;
import dev.prharness.github.GitHubPullRequests;
import dev.prharness.harness.ContextCompactor;
import dev.prharness.harness.Harness;
import dev.prharness.harness.ModelClient;
import dev.prharness.harness.ToolResultCache;
import dev.prharness.lint.LintEngine;
import dev.prharness.model.ModelSettings;
import dev.prharness.model.OpenAiModelClient;
import dev.prharness.pipeline.LinterReview;
import dev.prharness.pipeline.ModelReviewer;
import dev.prharness.pipeline.ReviewBudget;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.safety.OutgoingFilter;
import dev.prharness.server.JobDispatcher;
import dev.prharness.server.JobRunner;
import dev.prharness.server.PayloadSignature;
import dev.prharness.server.Retention;
import dev.prharness.server.RunsPage;
import dev.prharness.server.ServerMetrics;
import dev.prharness.server.StoreBudget;
import dev.prharness.server.StoreFeedbackLedger;
import dev.prharness.server.WebhookRouter;
import dev.prharness.server.WebhookServer;
import dev.prharness.store.JobStore;
import dev.prharness.telemetry.Traces;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place that builds what a mode needs (CLI review, review-pr, the Action, the webhook server) from
 * the environment and the bot settings. Commands and integration tests both build through it, so the wiring
 * they test is the wiring users run.
 */
public final class CompositionRoot {

    private static final int RECENT_RESULTS_KEPT_BY_COMPACTION = 2;

    private final Map<String, String> env;
    private final PrintStream err;
    private final BotSettings settings;
    private final LintEngine lintEngine;
    private Optional<ModelServices> ai;

    /**
     * {@code env}: the process environment (or a test's); {@code err}: where a linters-only run says once how to
     * enable the model. Reads the bot settings: {@code PR_HARNESS_CONFIG}, else {@code config/pr-harness.yml} in
     * the working directory when present, over the built-in defaults.
     */
    public CompositionRoot(Map<String, String> env, PrintStream err) {
        this.env = Map.copyOf(env);
        this.err = err;
        Optional<Path> file = variable("PR_HARNESS_CONFIG").map(Path::of)
                .or(() -> Optional.of(Path.of("config", "pr-harness.yml")).filter(Files::isRegularFile));
        this.settings = new BotSettingsLoader().load(file);
        // As many warm linters as reviews may run at once; a CLI run makes only the one it uses.
        this.lintEngine = new LintEngine(Math.max(1, settings.server().concurrency()));
    }

    /** The model's services: the reviewer, the question answerer for {@code /ask}, and the client itself. */
    public record ModelServices(ModelReviewer reviewer, QuestionAnswerer answerer, ModelClient client) {}

    /** A variable of the environment; blank counts as unset. */
    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public BotSettings settings() {
        return settings;
    }

    /**
     * The model's services when a key is set and AI is not switched off ({@code noAi}). Without a key: empty,
     * after saying once on standard error that the review is linters-only and how to enable the model.
     */
    public synchronized Optional<ModelServices> ai(boolean noAi) {
        if (noAi) {
            return Optional.empty();
        }
        if (ai == null) {
            ai = buildAi();
        }
        return ai;
    }

    private Optional<ModelServices> buildAi() {
        Optional<ModelSettings> model = ModelSettings.fromEnvironment(env, settings);
        if (model.isEmpty()) {
            err.println("pr-harness: linters-only review: OPENAI_API_KEY is not set. Set it (and "
                    + "OPENAI_BASE_URL, PR_HARNESS_MODEL for another endpoint or model) to add the AI review.");
            return Optional.empty();
        }
        HarnessSettings harnessSettings = HarnessSettings.from(settings.harness());
        Harness harness = new Harness(harnessSettings.limits(),
                new ContextCompactor(Prompts.text("compaction-system.md"), RECENT_RESULTS_KEPT_BY_COMPACTION),
                Clock.systemUTC());
        ModelClient client = new OpenAiModelClient(model.get());
        AiSetup setup = new AiSetup(client, harness, harnessSettings, new ToolResultCache((long) settings.harness().toolCacheMb() << 20), lintEngine);
        return Optional.of(new ModelServices(new AiReviewer(setup), new QuestionAnswerer(setup), client));
    }

    /** Linters, and the model when there is one and {@code noAi} is false. */
    public ReviewPipeline reviewPipeline(boolean noAi) {
        return new ReviewPipeline(new LinterReview(lintEngine), ai(noAi).map(ModelServices::reviewer),
                ReviewBudget.perReview(settings.budgets().perReviewUsd()));
    }

    /** Linters and the model (when there is one), within {@code budget} instead of the settings' per-review cap. */
    public ReviewPipeline reviewPipeline(ReviewBudget budget) {
        return new ReviewPipeline(new LinterReview(lintEngine), ai(false).map(ModelServices::reviewer), budget);
    }

    /** The code host reached with one token, and who the bot is there. */
    public record HostSession(CodeHost host, Optional<String> botLogin) {}

    /**
     * GitHub at {@code GITHUB_API_URL} with {@code token} (review-pr, the Action), and the bot's login resolved
     * once, as {@link BotIdentity} says.
     */
    public HostSession gitHubWithToken(String token, String subject) {
        GitHubPullRequests github = new GitHubPullRequests(GitHubConnection.open(apiUrl(), new GitHubAuth.Token(token), subject));
        return new HostSession(new FilteredCodeHost(github, outgoingFilter()),
                BotIdentity.forToken(configuredLogin(), github, variable("GITHUB_ACTIONS").isPresent()));
    }

    /**
     * The filter every posted text passes: this process's secrets as the environment holds them (webhook secret,
     * tokens, model key, the App's key, the admin token, a database password) and the secret redactor.
     */
    public OutgoingFilter outgoingFilter() {
        List<String> secrets = new ArrayList<>();
        for (String name : List.of("GITHUB_WEBHOOK_SECRET", "GITHUB_TOKEN", "OPENAI_API_KEY", "GITHUB_APP_PRIVATE_KEY",
                "PR_HARNESS_ADMIN_TOKEN", "INPUT_GITHUB-TOKEN", "INPUT_OPENAI-API-KEY", "ACTIONS_RUNTIME_TOKEN")) {
            variable(name).ifPresent(secrets::add);
        }
        variable("GITHUB_APP_PRIVATE_KEY_FILE").map(Path::of).filter(Files::isRegularFile).ifPresent(file -> {
            try {
                secrets.add(Files.readString(file));
            } catch (IOException e) {
                throw new ConfigException("cannot read GITHUB_APP_PRIVATE_KEY_FILE " + file + ": " + e.getMessage(), e);
            }
        });
        variable("PR_HARNESS_DB").flatMap(CompositionRoot::passwordIn).ifPresent(secrets::add);
        return new OutgoingFilter(secrets);
    }

    private static Optional<String> passwordIn(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)password=([^&;]+)").matcher(jdbcUrl);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The comment-command runner over {@code pipeline}, with the model when there is one; its limits are counted
     * by {@code usage} (the job store for the server's replicas, the process for an Action run).
     */
    public CommandRunner commandRunner(ReviewPipeline pipeline, Optional<String> botLogin, UsageCounter usage) {
        Optional<ModelServices> model = ai(false);
        // /lint: linters only, saying nothing about the model, honouring the same maintainers' feedback as reviews.
        ReviewPipeline linters = new ReviewPipeline(new LinterReview(lintEngine), Optional.empty(), ReviewBudget.UNLIMITED,
                pipeline.feedbackLedger());
        return new CommandRunner(new CommandRunner.Services(pipeline, linters,
                model.map(ModelServices::answerer), model.map(ModelServices::client), botLogin,
                new CommandLimits(settings.commands().maxPerUserPerHour(), settings.commands().maxPerPrPerHour(), usage)));
    }

    /**
     * The webhook server from the environment: {@code GITHUB_WEBHOOK_SECRET}, the App's credentials (or
     * {@code GITHUB_TOKEN}), {@code PR_HARNESS_DB}; not yet started.
     */
    public ServerAssembly server() {
        PayloadSignature signature = new PayloadSignature(variable("GITHUB_WEBHOOK_SECRET").orElseThrow(() ->
                new ConfigException("serve refuses to start without GITHUB_WEBHOOK_SECRET: set it to the webhook secret "
                        + "of the GitHub App, so that forged deliveries are refused")));
        BotSettings.Server server = settings.server();
        GitHubInstallations installations;
        Optional<String> botLogin;
        Optional<String> appId = variable("GITHUB_APP_ID");
        if (appId.isPresent()) {
            PrivateKey key = appKey();
            installations = GitHubInstallations.asApp(apiUrl(), appId.get(), key);
            botLogin = BotIdentity.forApp(configuredLogin(), apiUrl(), appId.get(), key);
        } else {
            String token = variable("GITHUB_TOKEN").orElseThrow(() -> new ConfigException(
                    "serve needs GitHub credentials: GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE "
                            + "(a GitHub App), or GITHUB_TOKEN"));
            installations = GitHubInstallations.withToken(apiUrl(), token);
            botLogin = BotIdentity.forToken(configuredLogin(),
                    new GitHubPullRequests(GitHubConnection.open(apiUrl(), new GitHubAuth.Token(token), "serve")), false);
        }

        JobStore store = jobStore();
        ReviewPipeline pipeline = new ReviewPipeline(new LinterReview(lintEngine), ai(false).map(ModelServices::reviewer),
                new StoreBudget(store, settings.budgets(), Clock.systemUTC()), new StoreFeedbackLedger(store));
        OutgoingFilter filter = outgoingFilter();
        CodeHosts hosts = id -> new FilteredCodeHost(installations.forInstallation(id), filter);
        JobDispatcher dispatcher = new JobDispatcher(hosts, pipeline, commandRunner(pipeline, botLogin, store::recordUse), botLogin,
                server.maxAttempts());
        Optional<Traces> traces = Traces.fromEnvironment(env);
        JobRunner runner = new JobRunner(store, dispatcher, new JobRunner.Settings(server.concurrency(),
                Duration.ofSeconds(server.leaseSeconds()), Duration.ofMillis(server.pollMillis()), server.maxAttempts(),
                Duration.ofSeconds(server.retryBackoffSeconds()), Duration.ofSeconds(server.shutdownGraceSeconds())),
                Clock.systemUTC(), "replica-" + UUID.randomUUID().toString().substring(0, 8), traces.map(t -> t));
        ServerMetrics metrics = new ServerMetrics(store);
        CommandParser parser = new CommandParser(botLogin);
        Optional<RunsPage> runsPage = variable("PR_HARNESS_ADMIN_TOKEN").map(token -> {
            try {
                return new RunsPage(store, token);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        });
        WebhookServer http = new WebhookServer(signature, new WebhookRouter(new WebhookRouter.CommandFilter() {
            @Override
            public Optional<String> commandName(String commentBody) {
                return parser.parse(commentBody).map(BotCommand::name);
            }

            @Override
            public Optional<String> replyCommandName(String replyBody) {
                return parser.parseReply(replyBody).map(BotCommand::name);
            }
        }), store, runner, metrics, runsPage);
        return new ServerAssembly(store, runner, new Retention(store, Duration.ofDays(server.retentionDays())), metrics,
                http, traces, botLogin);
    }

    /** The job store {@code serve} uses: {@code PR_HARNESS_DB}, default the SQLite file pr-harness.db here. */
    public JobStore jobStore() {
        return openStore(storeUrl());
    }

    /**
     * The store a server already made, for the jobs tools: an SQLite file that does not exist is an error naming
     * it, not a new empty store.
     */
    public JobStore existingJobStore() {
        String url = storeUrl();
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("there is no job store at " + file.toAbsolutePath() + "; set PR_HARNESS_DB to the "
                        + "store the server uses (or run this where the server runs)");
            }
        }
        return openStore(url);
    }

    private String storeUrl() {
        return variable("PR_HARNESS_DB").orElse("jdbc:sqlite:pr-harness.db");
    }

    private static JobStore openStore(String url) {
        try {
            return JobStore.open(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private String apiUrl() {
        return variable("GITHUB_API_URL").orElse(GitHubConnection.DEFAULT_API_URL);
    }

    /** {@code PR_HARNESS_BOT_LOGIN}, else the settings' {@code server.bot_login}. */
    private Optional<String> configuredLogin() {
        return variable("PR_HARNESS_BOT_LOGIN").or(() -> Optional.ofNullable(settings.server().botLogin()));
    }

    private PrivateKey appKey() {
        String pem = variable("GITHUB_APP_PRIVATE_KEY").orElseGet(() -> {
            Path file = variable("GITHUB_APP_PRIVATE_KEY_FILE").map(Path::of).orElseThrow(() -> new ConfigException(
                    "GITHUB_APP_ID is set but the App's private key is not: set GITHUB_APP_PRIVATE_KEY (the PEM text) "
                            + "or GITHUB_APP_PRIVATE_KEY_FILE (its path)"));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new ConfigException("cannot read GITHUB_APP_PRIVATE_KEY_FILE " + file + ": " + e.getMessage(), e);
            }
        });
        try {
            return AppPrivateKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
