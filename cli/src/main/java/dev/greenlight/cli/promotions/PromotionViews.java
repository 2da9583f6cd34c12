package dev.greenlight.cli.promotions;

import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** How promotions look in a terminal. */
final class PromotionViews {
    private PromotionViews() {
    }

    static Table table(List<JsonNode> promotions) {
        Table table = Table.withColumns("ID", "RELEASE", "ENVIRONMENT", "STRATEGY", "STATE", "STEP", "REQUESTED BY", "CREATED");
        promotions.forEach(promotion -> table.row(
                Cells.text(promotion, "id"),
                Cells.text(promotion, "release"),
                Cells.text(promotion, "environment"),
                Cells.text(promotion, "strategy"),
                Cells.text(promotion, "state"),
                step(promotion),
                Cells.text(promotion, "requestedBy"),
                Cells.text(promotion, "createdAt")));
        return table;
    }

    /** Right after the request: the promotion has only begun. */
    static void requested(JsonNode promotion, PrintWriter out) {
        out.println("Requested promotion " + Cells.text(promotion, "id") + ": release " + Cells.text(promotion, "release") + " of "
                + Cells.text(promotion, "project") + " into " + Cells.text(promotion, "environment") + ", " + Cells.text(promotion, "state") + ".");
        details(promotion, out);
    }

    /** One promotion as it stands, with its transitions when the answer has them. */
    static void shown(JsonNode promotion, PrintWriter out) {
        out.println("Promotion " + Cells.text(promotion, "id") + ": release " + Cells.text(promotion, "release") + " of "
                + Cells.text(promotion, "project") + " into " + Cells.text(promotion, "environment") + ", "
                + Cells.text(promotion, "state").toUpperCase(Locale.ROOT) + ".");
        details(promotion, out);
        transitions(promotion.path("transitions"), out);
    }

    static void details(JsonNode promotion, PrintWriter out) {
        Details details = new Details()
                .add("Id", Cells.text(promotion, "id"))
                .add("Project", Cells.text(promotion, "project"))
                .add("Release", Cells.text(promotion, "release"))
                .add("Environment", Cells.text(promotion, "environment"))
                .add("Strategy", Cells.text(promotion, "strategy"))
                .add("Steps", steps(promotion))
                .add("State", Cells.text(promotion, "state"))
                .add("Step", step(promotion) + since(promotion.path("step")))
                .add("Baseline", Cells.text(promotion, "baseline"));
        if ("canary".equals(promotion.path("strategy").asString(""))) {
            details.add("Analysis", analysis(promotion.path("analysis")));
        }
        details.add("Last analysis", lastAnalysis(promotion.path("lastAnalysis")))
                .add("Decision", Cells.text(promotion, "decision"))
                .add("Freeze override", Cells.text(promotion, "freezeOverride"))
                .add("Requested by", Cells.text(promotion, "requestedBy"))
                .add("Created", Cells.text(promotion, "createdAt"))
                .add("Updated", Cells.text(promotion, "updatedAt"))
                .add("Finished", Cells.text(promotion, "finishedAt"))
                .print(out);
    }

    /** Every state the promotion went through, each with who moved it, why, and its ledger entry. */
    private static void transitions(JsonNode transitions, PrintWriter out) {
        if (!transitions.isArray() || transitions.isEmpty()) {
            return;
        }
        Table table = Table.withColumns("SEQ", "AT", "FROM", "TO", "STEP", "ACTOR", "REASON", "LEDGER");
        transitions.values().forEach(transition -> table.row(
                Cells.text(transition, "seq"),
                Cells.text(transition, "at"),
                Cells.text(transition, "from"),
                Cells.text(transition, "to"),
                Cells.text(transition, "step"),
                Cells.text(transition, "actor"),
                oneLine(transition, "reason"),
                Cells.text(transition, "ledgerIndex")));
        out.println();
        out.println("Transitions:");
        table.print(out);
    }

    /** "1%, 5%, 25%, 100% every 5m"; a direct promotion's single step needs no interval. */
    private static String steps(JsonNode promotion) {
        JsonNode steps = promotion.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            return Cells.ABSENT;
        }
        String percents = steps.values().stream().map(step -> step.asString() + "%").collect(Collectors.joining(", "));
        return steps.size() == 1 ? percents : percents + " every " + DurationArgument.formatIso(Cells.text(promotion, "stepInterval"));
    }

    /** "2 of 4 (5%)". */
    private static String step(JsonNode promotion) {
        JsonNode step = promotion.path("step");
        if (!step.path("number").isNumber()) {
            return Cells.ABSENT;
        }
        return step.path("number").asString() + " of " + promotion.path("steps").size() + " (" + Cells.text(step, "percent") + "%)";
    }

    private static String since(JsonNode step) {
        JsonNode startedAt = step.path("startedAt");
        return startedAt.isString() ? " since " + Cells.clean(startedAt.stringValue()) : "";
    }

    /** "every 30s over 5m, gives up 15m after a step; max error rate 0.05, ..." in the server's own terms. */
    private static String analysis(JsonNode analysis) {
        if (!analysis.isObject()) {
            return Cells.ABSENT;
        }
        return "every " + DurationArgument.formatIso(Cells.text(analysis, "interval")) + " over the last "
                + DurationArgument.formatIso(Cells.text(analysis, "window")) + ", waits at most "
                + DurationArgument.formatIso(Cells.text(analysis, "maxWait")) + " for a verdict; max error rate "
                + Cells.text(analysis, "maxErrorRate") + ", max increase over the baseline: errors " + Cells.text(analysis, "maxErrorRateIncrease")
                + ", latency " + Cells.text(analysis, "maxLatencyIncrease") + "; at least " + Cells.text(analysis, "minRequests") + " requests";
    }

    /** "fail: error rate 0.40 above 0.05; ...". */
    private static String lastAnalysis(JsonNode analysis) {
        if (!analysis.isObject()) {
            return Cells.ABSENT;
        }
        List<String> reasons = new ArrayList<>();
        analysis.path("reasons").values().forEach(reason -> reasons.add(reason.isString() ? oneLine(reason.stringValue()) : Cells.ABSENT));
        String outcome = Cells.text(analysis, "outcome");
        return reasons.isEmpty() ? outcome : outcome + ": " + String.join("; ", reasons);
    }

    /** A field as one clean line: reasons and remediation texts may span lines; control characters are replaced after. */
    static String oneLine(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? oneLine(value.stringValue()) : Cells.text(node, field);
    }

    static String oneLine(String text) {
        return Cells.clean(text.strip().replaceAll("\\s+", " "));
    }
}
