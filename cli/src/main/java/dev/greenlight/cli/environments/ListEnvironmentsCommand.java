package dev.greenlight.cli.environments;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.ProjectOption;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List a project's environments in promotion order.")
final class ListEnvironmentsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOption project = new ProjectOption();

    ListEnvironmentsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(
                    client.list(ApiPath.of("projects", project.slug(), "environments"), null),
                    EnvironmentViews::table,
                    "Project " + project.slug() + " has no environments yet.");
        }
        return ExitCode.SUCCESS;
    }
}
