package dev.greenlight.cli.approvals;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight approvals PROJECT VERSION} lists a release's approvals; {@code approvals withdraw ID} takes one's
 * own back. The positional arguments are optional to picocli, which would otherwise demand them for the subcommand.
 */
@Command(name = "approvals",
        description = "List a release's approvals, newest first, with whether each still counts.",
        subcommands = WithdrawApprovalCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight approvals payments 1.4.2 --environment prod",
            "  greenlight approvals withdraw 01890a5d-ac96-774b-bcce-b302099a8057"
        })
public final class ApprovalsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "Project slug.")
    private @Nullable String project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "Release version.")
    private @Nullable String version;

    @Option(names = {"-e", "--environment"}, paramLabel = "ENVIRONMENT", description = "Only the approvals for this environment.")
    private @Nullable String environment;

    ApprovalsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project == null || project.isBlank() || version == null || version.isBlank()) {
            throw new InvalidInputException("Name the release: greenlight approvals PROJECT VERSION.");
        }
        Map<String, String> filters = environment == null ? Map.of() : Map.of("environment", environment);
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(
                    client.list(ApiPath.of("projects", project, "releases", version, "approvals"), filters, null),
                    ApprovalViews::table,
                    "Release " + version + " of " + project + " has no approvals" + (environment == null ? "." : " for " + environment + "."));
        }
        return ExitCode.SUCCESS;
    }
}
