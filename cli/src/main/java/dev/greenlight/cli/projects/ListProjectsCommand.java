package dev.greenlight.cli.projects;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List the projects of your workspace.")
final class ListProjectsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    ListProjectsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(client.list(ApiPath.of("projects"), null), ProjectViews::table, "No projects yet.");
        }
        return ExitCode.SUCCESS;
    }
}
