package dev.greenlight.cli.auth;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "whoami", description = "Show the user or service account the API key belongs to, and its workspace.")
public final class WhoamiCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    WhoamiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(client.get(ApiPath.of("me")),
                    (me, out) -> IdentityView.print(client.server(), me, out));
        }
        return ExitCode.SUCCESS;
    }
}
