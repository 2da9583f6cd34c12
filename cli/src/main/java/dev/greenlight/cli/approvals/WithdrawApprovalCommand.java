package dev.greenlight.cli.approvals;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "withdraw", description = "Withdraw your own approval: it no longer counts.")
final class WithdrawApprovalCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The approval's id, as `greenlight approvals` shows it.")
    private String id = "";

    WithdrawApprovalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            client.delete(ApiPath.of("approvals", id));
        }
        spec.commandLine().getOut().println("Withdrew approval " + id + ".");
        spec.commandLine().getOut().flush();
        return ExitCode.SUCCESS;
    }
}
