package dev.prharness.lint;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.ThreadModeSettings;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import dev.prharness.review.Finding;
import dev.prharness.review.Severity;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.xml.sax.InputSource;

/**
 * Checkstyle, configured once and kept warm. Checkstyle reads files from disk, so each run writes the
 * files into a private temporary folder under their repository paths and maps results back. Not for two threads
 * at once (the checker and its listener keep state): {@link LintEngine} hands each instance to one thread at a time.
 */
final class CheckstyleLinter implements Linter {

    private final Checker checker;
    private final Collector collector = new Collector();

    /**
     * Loads the checked configuration; the files it refers to are read from a sandbox that holds only them, for
     * the time Checkstyle reads them (while it is configured).
     */
    CheckstyleLinter(LintRules rules) {
        String origin = rules.checkstyleOrigin();
        try (RuleSandbox sandbox = RuleSandbox.forCheckstyle(rules.checkstyleFiles())) {
            String xml = CheckstyleConfigCheck.check(origin, origin, rules.checkstyleXml(), sandbox::place).xml();
            Properties properties = new Properties();
            properties.setProperty("config_loc", ".");
            properties.setProperty("basedir", ".");
            Configuration configuration = ConfigurationLoader.loadConfiguration(
                    new InputSource(new StringReader(xml)), new PropertiesExpander(properties),
                    ConfigurationLoader.IgnoredModulesOptions.OMIT, ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
            checker = new Checker();
            checker.setModuleClassLoader(Checker.class.getClassLoader());
            checker.setCharset(StandardCharsets.UTF_8.name());
            checker.configure(configuration);
            collector.suppressible = hasModule(configuration, "SuppressWarningsFilter")
                    && hasModule(configuration, "SuppressWarningsHolder");
            checker.addListener(collector);
        } catch (CheckstyleException | IOException e) {
            throw new LintConfigException(origin + " is not a usable Checkstyle configuration: " + rootMessage(e), e);
        }
    }

    @Override
    public String name() {
        return "checkstyle";
    }

    @Override
    public LintResult lint(List<SourceFile> files) {
        if (files.isEmpty()) {
            return LintResult.empty();
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("pr-harness-checkstyle");
            Map<String, String> pathOf = new HashMap<>();
            List<File> onDisk = new ArrayList<>();
            for (SourceFile file : files) {
                Path target = folder.resolve(file.path()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalArgumentException("path escapes the repository: " + file.path());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
                File real = target.toFile();
                pathOf.put(real.getAbsolutePath(), file.path());
                onDisk.add(real);
            }
            checker.setBasedir(folder.toString());
            return run(onDisk, pathOf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write files for Checkstyle into a temporary folder", e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Runs the batch; if Checkstyle gives up on it (one unparsable file), runs file by file. */
    private LintResult run(List<File> files, Map<String, String> pathOf) {
        try {
            collector.reset(pathOf);
            checker.process(files);
            return new LintResult(collector.findings, collector.failures, files.size(), 0);
        } catch (CheckstyleException batchFailure) {
            if (files.size() == 1) {
                String path = pathOf.get(files.get(0).getAbsolutePath());
                return new LintResult(List.of(), List.of(new LintFailure(path, name(), rootMessage(batchFailure))), 1, 0);
            }
            LintResult total = LintResult.empty();
            for (File file : files) {
                total = total.plus(run(List.of(file), pathOf));
            }
            return total;
        }
    }

    /** Whether {@code module} is configured anywhere in the tree (by short or full name). */
    private static boolean hasModule(Configuration configuration, String module) {
        String name = configuration.getName();
        if (name.equals(module) || name.endsWith("." + module)) {
            return true;
        }
        for (Configuration child : configuration.getChildren()) {
            if (hasModule(child, module)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless; the OS cleans /tmp.
        }
    }

    /** Collects audit events of one run. */
    private static final class Collector implements AuditListener {
        /** Whether {@code @SuppressWarnings("checkstyle:…")} works with this configuration. */
        private boolean suppressible;
        private Map<String, String> pathOf = Map.of();
        private List<Finding> findings = new ArrayList<>();
        private List<LintFailure> failures = new ArrayList<>();

        void reset(Map<String, String> paths) {
            pathOf = paths;
            findings = new ArrayList<>();
            failures = new ArrayList<>();
        }

        @Override
        public void addError(AuditEvent event) {
            if (event.getSeverityLevel() == SeverityLevel.IGNORE) {
                return;
            }
            String path = pathOf.getOrDefault(new File(event.getFileName()).getAbsolutePath(), event.getFileName());
            String rule = ruleName(event);
            findings.add(Finding.of(path, Math.max(1, event.getLine()), severity(event.getSeverityLevel()), "checkstyle",
                    rule, event.getMessage()).withHelp(RuleGuide.checkstyle(rule, event.getSourceName(), suppressible)));
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            String path = pathOf.getOrDefault(new File(event.getFileName()).getAbsolutePath(), event.getFileName());
            failures.add(new LintFailure(path, "checkstyle", String.valueOf(throwable.getMessage())));
        }

        @Override
        public void auditStarted(AuditEvent event) {}

        @Override
        public void auditFinished(AuditEvent event) {}

        @Override
        public void fileStarted(AuditEvent event) {}

        @Override
        public void fileFinished(AuditEvent event) {}

        private static String ruleName(AuditEvent event) {
            if (event.getModuleId() != null) {
                return event.getModuleId();
            }
            String source = event.getSourceName();
            String simple = source.substring(source.lastIndexOf('.') + 1);
            return simple.endsWith("Check") ? simple.substring(0, simple.length() - "Check".length()) : simple;
        }

        private static Severity severity(SeverityLevel level) {
            return switch (level) {
                case ERROR -> Severity.ERROR;
                case WARNING -> Severity.WARNING;
                default -> Severity.INFO;
            };
        }
    }
}
