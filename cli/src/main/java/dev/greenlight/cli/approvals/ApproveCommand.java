package dev.greenlight.cli.approvals;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "approve",
        description = {
            "Approve a release for an environment, in a role you hold on the project.",
            "The approval is bound to the release's artifacts: it lapses when they change. The release's author and",
            "whoever registered it cannot approve it."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  greenlight approve payments 1.4.2 --environment prod --role security \\",
            "      --comment \"Pen test report reviewed\""
        })
public final class ApproveCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version.")
    private String version = "";

    @Option(names = {"-e", "--environment"}, required = true, paramLabel = "ENVIRONMENT", description = "Environment the release is approved for.")
    private String environment = "";

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "The role you approve as, e.g. security or release-captain; you must hold it on the project.")
    private String role = "";

    @Option(names = "--comment", paramLabel = "TEXT", description = "A note for the record.")
    private @Nullable String comment;

    ApproveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("environment", environment).put("role", role);
        if (comment != null) {
            body.put("comment", comment);
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(client.create(ApiPath.of("projects", project, "releases", version, "approvals"), body),
                    ApprovalViews::granted);
        }
        return ExitCode.SUCCESS;
    }
}
