package dev.greenlight.cli.waivers;

import dev.greenlight.cli.command.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "revoke", description = "Revoke your own waiver request or waiver, or (as a security lead or release captain) anyone's: it stops applying at once.")
final class RevokeWaiverCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The waiver's id, as `greenlight waive list` shows it.")
    private String id = "";

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it ends early (required).")
    private String reason = "";

    RevokeWaiverCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("reason", reason);
        return WaiverStep.send(context, spec, id, "revoke", body);
    }
}
