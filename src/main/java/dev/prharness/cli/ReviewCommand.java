package dev.prharness.cli;

import dev.prharness.config.ReviewConfig;
import dev.prharness.config.ReviewConfigLoader;
import dev.prharness.change.TextContent;
import dev.prharness.diff.DiffCache;
import dev.prharness.git.GitRepository;
import dev.prharness.git.LocalChange;
import dev.prharness.instructions.InstructionFiles;
import dev.prharness.instructions.InstructionSource;
import dev.prharness.instructions.TeamInstructions;
import dev.prharness.pipeline.RepositoryConfig;
import dev.prharness.pipeline.ReviewPipeline;
import dev.prharness.review.OutputFormat;
import dev.prharness.review.Review;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pr-harness review}: review a range of commits in a local git repository and print the review. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review a change in a local git repository and print the review.")
final class ReviewCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--repo", defaultValue = ".", description = "The git repository (default: ${DEFAULT-VALUE}).")
    Path repo;

    @Option(names = "--base", description = "Base commit (default: merge-base of HEAD with the default branch, else HEAD~1).")
    String base;

    @Option(names = "--head", defaultValue = "HEAD", description = "Head commit (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--output", description = "Write the review to this file instead of standard output.")
    Path output;

    @Mixin
    ReviewOptions options;

    ReviewCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OutputFormat outputFormat = options.outputFormat();
        FailOn threshold = options.failOn();
        GitRepository repository = GitRepository.open(repo);
        String headSha = repository.resolve(head);
        String baseSha = base != null ? repository.resolve(base) : defaultBase(repository, headSha);
        LocalChange change = LocalChange.of(repository, baseSha, headSha, new DiffCache());
        ReviewPipeline pipeline = context.root().reviewPipeline(options.noAi);
        ReviewConfig reviewConfig = loadConfig(repository, baseSha, pipeline.configLoader());
        if (reviewConfig.instructionsFiles() && pipeline.hasModel()) {
            reviewConfig = reviewConfig.withTeamInstructions(teamInstructions(repository, baseSha, change));
        }

        ProgressLine progress = new ProgressLine(context.err(), context.terminal() && output == null);
        Review review;
        try {
            review = pipeline.run(change, reviewConfig, progress);
        } finally {
            progress.clear();
        }
        context.write(outputFormat.renderer(outputFormat == OutputFormat.TEXT && context.terminal() && output == null
                && context.variable("NO_COLOR").isEmpty()).render(review), output);
        return threshold.exitCode(review);
    }

    private String defaultBase(GitRepository repository, String headSha) {
        Optional<String> mergeBase = repository.defaultBranch().flatMap(branch -> repository.mergeBase(branch, headSha));
        if (mergeBase.isPresent() && !mergeBase.get().equals(headSha)) {
            return mergeBase.get();
        }
        return repository.tryResolve(headSha + "~1").orElseThrow(() -> new UsageException(
                "cannot choose a base: " + head + " has no parent and is on the default branch; pass --base REF"));
    }

    /** The team's instruction files that apply to the change, read at the base commit (as the config is). */
    private static TeamInstructions teamInstructions(GitRepository repository, String baseSha, LocalChange change) {
        return InstructionFiles.forChange(new InstructionSource() {
            @Override
            public Map<String, Optional<String>> read(List<String> paths) {
                Map<String, Optional<String>> texts = new LinkedHashMap<>();
                repository.filesAt(baseSha, paths).forEach((path, bytes) -> texts.put(path, bytes.flatMap(TextContent::decode)));
                return texts;
            }

            @Override
            public List<String> filesIn(String directory) {
                return repository.filesIn(baseSha, directory);
            }
        }, change.diff());
    }

    private ReviewConfig loadConfig(GitRepository repository, String baseSha, ReviewConfigLoader loader) {
        Optional<ReviewConfig> fromFile = options.configFile(loader);
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        Optional<String> yaml = repository.fileAt(baseSha, RepositoryConfig.PATH).flatMap(TextContent::decode);
        if (yaml.isEmpty()) {
            return ReviewConfig.defaults();
        }
        return loader.load(RepositoryConfig.PATH + " at " + baseSha.substring(0, 7), yaml.get(),
                relative -> repository.fileAt(baseSha, relative).flatMap(TextContent::decode));
    }
}
