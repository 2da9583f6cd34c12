package dev.greenlight.cli.gates;

import tools.jackson.databind.JsonNode;

/**
 * What a replay says about the decision itself: its inputs still hash to the recorded digest, and the recorded pack
 * gives the recorded outcome again. What today's pack would say is information, not part of this verdict.
 */
record ReplayVerdict(boolean inputsIntact, boolean identical) {
    /** @throws UnreadableReportException when either answer is absent: a replay the CLI cannot read proves nothing */
    static ReplayVerdict of(JsonNode replay) {
        JsonNode intact = replay.path("inputsIntact");
        JsonNode identical = replay.path("sameInputs").path("identical");
        if (!intact.isBoolean() || !identical.isBoolean()) {
            throw new UnreadableReportException("The server's replay answer does not say whether the inputs are intact and the replay identical.");
        }
        return new ReplayVerdict(intact.booleanValue(), identical.booleanValue());
    }

    boolean reproduced() {
        return inputsIntact && identical;
    }
}
