package dev.greenlight.cli.waivers;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.node.ObjectNode;

/** One step in a waiver's life (approve, reject, revoke): POSTed to the waiver, which is printed as it is afterwards. */
final class WaiverStep {
    private WaiverStep() {
    }

    static int send(CliContext context, CommandSpec spec, String id, String step, ObjectNode body) {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(client.create(ApiPath.of("waivers", id, step), body), WaiverViews::decided);
        }
        return ExitCode.SUCCESS;
    }
}
