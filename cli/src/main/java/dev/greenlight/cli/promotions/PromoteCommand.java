package dev.greenlight.cli.promotions;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.ApiProblemException;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import dev.greenlight.cli.output.ResultPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "promote",
        description = {
            "Promote a release into an environment: the gate must not block it, then it waits for missing approvals, is "
                    + "deployed (a canary step by step, each step analysed against the running release) and is promoted, "
                    + "or rolled back.",
            "Prints the promotion as requested; with --wait, follows it to its end."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight promote payments 1.4.2 -e prod",
            "  greenlight promote payments 1.4.2 -e prod --steps 5,50,100 \\",
            "      --step-interval 10m --wait 2h",
            "  greenlight promote payments 1.4.2 -e staging --strategy direct --wait",
            "  greenlight promote payments 1.4.3 -e prod \\",
            "      --override-freeze \"Hotfix for INC-42\"",
            "",
            "With --wait, a line goes to standard error whenever the state, step or analysis outcome changes, and the "
                    + "promotion as it ended to standard output. Put --wait after the arguments, or write --wait=DURATION."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The promotion was accepted (with --wait: it ended promoted).",
            "1:With --wait: it ended rolled-back, failed or cancelled, or was still under way when the wait ran out.",
            "2:An error: invalid usage, not logged in, refused (gate blocked, environment frozen, another promotion under way, "
                    + "no permission), unknown project, release or environment, server unreachable or failing."
        })
public final class PromoteCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version.")
    private String version = "";

    @Option(names = {"-e", "--environment"}, required = true, paramLabel = "ENVIRONMENT", description = "Environment to promote into.")
    private String environment = "";

    @Mixin
    private PromotionPlanOptions plan = new PromotionPlanOptions();

    @Option(names = "--override-freeze", paramLabel = "REASON",
            description = "Promote although a freeze window holds, for this reason (release captains only; recorded in the ledger).")
    private @Nullable String freezeOverride;

    @Option(names = "--wait", arity = "0..1", paramLabel = "DURATION", fallbackValue = WaitLimit.UNTIL_DONE, converter = WaitLimit.Converter.class,
            description = "Follow the promotion until it ends, for at most DURATION if given (e.g. 30m, 2h).")
    private @Nullable WaitLimit wait;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationArgument.Converter.class, defaultValue = "5s",
            description = "Time between two looks at the promotion while waiting (default: ${DEFAULT-VALUE}, at least 1s).")
    private Duration pollInterval = Duration.ofSeconds(5);

    PromoteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        ObjectNode body = plan.request(version, environment, freezeOverride);
        ResultPrinter printer = context.printer(spec);
        try (GreenlightClient client = context.connect()) {
            JsonNode requested;
            try {
                requested = client.create(ApiPath.of("projects", project, "promotions"), body);
            } catch (ApiProblemException refused) {
                throw RefusedPromotionException.explain(refused, client, project, version, environment);
            }
            if (wait == null) {
                printer.item(requested, PromotionViews::requested);
                return ExitCode.SUCCESS;
            }
            String id = requested.path("id").asString("");
            if (id.isBlank()) {
                throw new UnreadableAnswerException("The server accepted the promotion but its answer has no id to follow.");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Requested promotion " + id + "; following it " + wait.describe() + ".");
            err.flush();
            PromotionFollower.Result result = new PromotionFollower(() -> client.get(ApiPath.of("projects", project, "promotions", id)),
                    FollowSchedule.realTime(pollInterval, wait), err).follow();
            printer.item(result.promotion(), PromotionViews::shown);
            return result.progress().promoted() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
        }
    }

    private void validate() {
        if (project.isBlank() || version.isBlank() || environment.isBlank()) {
            throw new InvalidInputException("The project, the version and the environment are not empty.");
        }
        if (freezeOverride != null && freezeOverride.isBlank()) {
            throw new InvalidInputException("--override-freeze needs a reason: it is recorded in the ledger.");
        }
        if (pollInterval.compareTo(FollowSchedule.SHORTEST_INTERVAL) < 0) {
            throw new InvalidInputException("--poll-interval must be at least " + DurationArgument.format(FollowSchedule.SHORTEST_INTERVAL) + ".");
        }
    }
}
