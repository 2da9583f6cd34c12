package dev.greenlight.cli.gates;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "replay",
        description = {
            "Evaluate a recorded decision's inputs again; changes nothing.",
            "Checks the inputs against their digest, replays them with the recorded pack version (which must give the "
                    + "recorded outcome) and shows what the pack the gate uses today would decide on them."
        },
        footerHeading = "%nExample:%n",
        footer = "  greenlight decision replay 01890a5d-ac96-774b-bcce-b302099a8057",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The inputs are intact and the replay with the recorded pack is identical.",
            "1:The inputs do not match their digest, or the replay differs from what was recorded.",
            "2:An error: unknown decision, its pack no longer available, server unreachable or failing."
        })
final class ReplayDecisionCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Decision id, as `decision record` printed it.")
    private String id = "";

    ReplayDecisionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (id.isBlank()) {
            throw new InvalidInputException("The decision id is not empty.");
        }
        try (GreenlightClient client = context.connect()) {
            JsonNode replay = client.postWithoutBody(ApiPath.of("decisions", id, "replay"));
            ReplayVerdict verdict = ReplayVerdict.of(replay);
            context.printer(spec).item(replay, new DecisionViews(Glyphs.forLocale(context.environment()))::replayed);
            return verdict.reproduced() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
        }
    }
}
