package dev.greenlight.cli.releases;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.ProjectOption;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", description = "Show one release with its artifacts.")
final class ShowReleaseCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOption project = new ProjectOption();

    @Parameters(index = "0", paramLabel = "VERSION", description = "Release version, e.g. 1.4.2.")
    private String version = "";

    ShowReleaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(
                    client.get(ApiPath.of("projects", project.slug(), "releases", version)), ReleaseViews::details);
        }
        return ExitCode.SUCCESS;
    }
}
