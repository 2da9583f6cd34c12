package dev.greenlight.cli.promotions;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.ApiProblemException;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.failure.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The server refused a promotion because the gate blocks the release or the environment is frozen, told with what to
 * do about it: the blockers and their remediation, or the freeze's reason and how to override it.
 */
final class RefusedPromotionException extends CliException {
    static final String GATE_BLOCKED = "gate-blocked";
    static final String ENVIRONMENT_FROZEN = "environment-frozen";

    private final List<String> lines;

    private RefusedPromotionException(ApiProblemException refusal, List<String> lines) {
        super(refusal.getMessage(), refusal);
        this.lines = List.copyOf(lines);
    }

    @Override
    public List<String> describe() {
        return lines;
    }

    /**
     * The refusal with the gate's blockers or the freeze added. The problem document names them too, but the CLI's
     * client keeps only a problem's text members, so they are read from the readiness report, which says the same thing
     * in the same words; when that cannot be had, the server's refusal stands as it is.
     */
    static CliException explain(ApiProblemException refusal, GreenlightClient client, String project, String version, String environment) {
        String slug = refusal.problem().slug();
        if (!GATE_BLOCKED.equals(slug) && !ENVIRONMENT_FROZEN.equals(slug)) {
            return refusal;
        }
        JsonNode readiness;
        try {
            readiness = client.getWithQuery(ApiPath.of("projects", project, "releases", version, "readiness"), Map.of("environment", environment));
        } catch (CliException unavailable) {
            return refusal;
        }
        List<String> lines = new ArrayList<>(refusal.describe());
        if (GATE_BLOCKED.equals(slug)) {
            addBlockers(readiness.path("blockers"), lines);
            lines.add("See the whole checklist with `greenlight gate " + project + " " + version + " -e " + environment + "`.");
        } else {
            addFreeze(readiness.path("freeze"), lines);
            lines.add("A release captain may promote anyway with --override-freeze REASON.");
        }
        return new RefusedPromotionException(refusal, lines);
    }

    private static void addBlockers(JsonNode blockers, List<String> lines) {
        if (blockers.isEmpty()) {
            return;
        }
        lines.add("Blockers:");
        int width = blockers.values().stream().mapToInt(blocker -> PromotionViews.oneLine(blocker, "rule").length()).max().orElse(0);
        for (JsonNode blocker : blockers.values()) {
            String rule = PromotionViews.oneLine(blocker, "rule");
            lines.add("  " + rule + " ".repeat(width - rule.length()) + "  " + PromotionViews.oneLine(blocker, "remediation"));
            JsonNode link = blocker.path("remediationLink");
            if (link.isString() && !link.stringValue().isBlank()) {
                lines.add("  " + " ".repeat(width) + "  " + PromotionViews.oneLine(link.stringValue()));
            }
        }
    }

    private static void addFreeze(JsonNode freeze, List<String> lines) {
        if (!freeze.isObject()) {
            return;
        }
        JsonNode reason = freeze.path("reason");
        boolean hasReason = reason.isString() && !reason.stringValue().isBlank();
        lines.add("Frozen" + (hasReason ? ": " + PromotionViews.oneLine(reason.stringValue()) + "," : "") + " until "
                + PromotionViews.oneLine(freeze, "until") + ".");
    }
}
