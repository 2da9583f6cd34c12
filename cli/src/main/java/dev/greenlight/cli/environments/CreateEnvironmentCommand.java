package dev.greenlight.cli.environments;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.ProjectOption;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "create", description = "Add an environment to a project; by default it comes last in promotion order.",
        footerHeading = "%nExample:%n",
        footer = "  greenlight environments create canary --project payments --after staging")
final class CreateEnvironmentCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOption project = new ProjectOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "Environment name, e.g. staging or prod.")
    private String name = "";

    @Option(names = "--after", paramLabel = "ENVIRONMENT", description = "Place it right after this environment.")
    private @Nullable String after;

    CreateEnvironmentCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
        if (after != null) {
            body.put("after", after);
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(
                    client.create(ApiPath.of("projects", project.slug(), "environments"), body), EnvironmentViews::created);
        }
        return ExitCode.SUCCESS;
    }
}
