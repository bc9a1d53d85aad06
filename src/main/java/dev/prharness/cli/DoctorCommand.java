package dev.prharness.cli;

import dev.prharness.aireview.ToolCallingProbe;
import dev.prharness.app.CompositionRoot;
import dev.prharness.harness.ModelRole;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code pr-harness doctor}: checks the configured model endpoint (one tiny tool call per model) and GitHub
 * access, and says what works. Exit 0 when everything configured works, 3 when a check failed.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the model endpoint (one tiny tool call) and GitHub access, and say what works.")
final class DoctorCommand implements Callable<Integer> {

    private final CliContext context;

    DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CompositionRoot root = context.root();
        boolean works = true;
        Optional<CompositionRoot.ModelServices> ai = root.ai(false);
        if (ai.isEmpty()) {
            context.out().println("model: not configured; reviews are linters-only (set OPENAI_API_KEY to add the model)");
        } else {
            context.out().println("model endpoint: " + root.variable("OPENAI_BASE_URL").orElse("https://api.openai.com/v1"));
            ToolCallingProbe probe = new ToolCallingProbe();
            ToolCallingProbe.Result strong = probe.probe(ai.get().client(), ModelRole.STRONG);
            context.out().println("  strong " + strong.report());
            works &= strong.works();
            if (!ai.get().client().modelFor(ModelRole.CHEAP).equals(ai.get().client().modelFor(ModelRole.STRONG))) {
                ToolCallingProbe.Result cheap = probe.probe(ai.get().client(), ModelRole.CHEAP);
                context.out().println("  cheap  " + cheap.report());
                works &= cheap.works();
            }
        }
        Optional<String> token = root.variable("GITHUB_TOKEN");
        if (token.isEmpty()) {
            context.out().println("github: no GITHUB_TOKEN; review-pr and the Action need one (serve may use App credentials)");
        } else {
            Optional<String> login = root.gitHubWithToken(token.get(), "doctor").botLogin();
            context.out().println("github: " + root.variable("GITHUB_API_URL").orElse("https://api.github.com") + " — "
                    + login.map(l -> "the token acts as " + l).orElse("the token's user cannot be read (GET /user refused "
                    + "or GitHub unreachable); set PR_HARNESS_BOT_LOGIN, or check GITHUB_TOKEN and GITHUB_API_URL"));
            works &= login.isPresent();
        }
        return works ? Main.OK : Main.UNAVAILABLE;
    }
}
