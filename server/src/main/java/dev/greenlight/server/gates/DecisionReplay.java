package dev.greenlight.server.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.greenlight.policy.CompiledPack;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;

/**
 * Evaluates a decision's recorded inputs again: with the pack version it was taken with, which must give exactly the
 * recorded outcome, and with the pack the environment's gate uses today, to show what that pack would decide on the
 * same evidence. The inputs are checked against their digest first.
 */
@Component
class DecisionReplay {
    private final PolicyPacks packs;
    private final GatePacks gatePacks;
    private final EnvironmentGates gates;

    DecisionReplay(PolicyPacks packs, GatePacks gatePacks, EnvironmentGates gates) {
        this.packs = packs;
        this.gatePacks = gatePacks;
        this.gates = gates;
    }

    ReplayReport replay(Decision decision, Project project, Environment environment) {
        boolean intact = SortedJson.sha256(decision.inputs()).equals(decision.inputsDigest());
        GateInputs inputs = GateInputs.fromMap(SortedJson.read(decision.inputs()));
        Map<String, Object> recorded = recordedOutcomes(decision.result());

        StoredPack recordedPack = packs.find(project.workspaceId(), decision.pack().id(), decision.pack().version())
                .filter(pack -> pack.sha256().equals(decision.pack().sha256()))
                .orElseThrow(() -> GreenlightException.conflict("The pack this decision used (" + decision.pack().id() + " "
                        + decision.pack().version() + ", SHA-256 " + decision.pack().sha256() + ") is no longer available."));
        ReadinessReport again = GateEvaluator.evaluate(gatePacks.compiled(recordedPack), inputs);
        Run sameInputs = new Run(recordedPack.ref(), differences(recorded, again.outcomes()), again);

        StoredPack today = gatePacks.resolve(project, gates.of(environment));
        Run withToday;
        if (today.sha256().equals(recordedPack.sha256())) {
            withToday = sameInputs;
        } else {
            CompiledPack compiled = gatePacks.compiled(today);
            ReadinessReport now = GateEvaluator.evaluate(compiled, inputs.withPack(today.ref(),
                    ParameterValues.forEvaluation(inputs.parameters(), compiled.pack().parameters())));
            withToday = new Run(today.ref(), differences(recorded, now.outcomes()), now);
        }
        return new ReplayReport(decision.id().toString(), decision.inputsDigest(), intact, recorded, sameInputs, withToday);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordedOutcomes(String result) {
        Map<String, Object> report = SortedJson.read(result);
        Map<String, Object> outcomes = new LinkedHashMap<>();
        outcomes.put("verdict", report.get("verdict"));
        outcomes.put("score", report.get("score"));
        Map<String, Object> byRule = new LinkedHashMap<>();
        ((List<Map<String, Object>>) report.get("rules")).forEach(rule -> byRule.put((String) rule.get("id"), rule.get("outcome")));
        outcomes.put("rules", byRule);
        Map<String, Object> approvals = (Map<String, Object>) report.get("approvals");
        outcomes.put("missingApprovals", ((List<Map<String, Object>>) approvals.get("missing")).stream()
                .map(one -> Map.of("role", one.get("role"), "missing", one.get("missing"))).toList());
        outcomes.put("frozen", report.get("freeze") != null);
        return outcomes;
    }

    /** Every outcome that differs, rule by rule: {@code rules.<id>} with what was recorded and what came out now. */
    @SuppressWarnings("unchecked")
    static List<Difference> differences(Map<String, Object> recorded, Map<String, Object> now) {
        List<Difference> differences = new ArrayList<>();
        for (String field : List.of("verdict", "score", "missingApprovals", "frozen")) {
            if (!Objects.equals(recorded.get(field), now.get(field))) {
                differences.add(new Difference(field, recorded.get(field), now.get(field)));
            }
        }
        Map<String, Object> recordedRules = (Map<String, Object>) recorded.get("rules");
        Map<String, Object> nowRules = (Map<String, Object>) now.get("rules");
        Set<String> ids = new LinkedHashSet<>(recordedRules.keySet());
        ids.addAll(nowRules.keySet());
        for (String id : ids) {
            if (!Objects.equals(recordedRules.get(id), nowRules.get(id))) {
                differences.add(new Difference("rules." + id, recordedRules.get(id), nowRules.get(id)));
            }
        }
        return differences;
    }

    /** @param recorded null when the rule did not exist in that evaluation; {@code now} likewise */
    record Difference(String field, @Nullable Object recorded, @Nullable Object now) {
    }

    /** @param identical no difference from what was recorded */
    record Run(StoredPack.PackRef pack, boolean identical, List<Difference> differences, ReadinessReport report) {
        Run(StoredPack.PackRef pack, List<Difference> differences, ReadinessReport report) {
            this(pack, differences.isEmpty(), differences, report);
        }
    }

    /**
     * @param inputsIntact the stored inputs still have the digest the ledger entry recorded
     * @param sameInputs the recorded inputs with the recorded pack version
     * @param withTodaysPack the recorded inputs with the pack the gate uses today (the same run when the pack did not change)
     */
    record ReplayReport(String decision, String inputsDigest, boolean inputsIntact, Map<String, Object> recorded, Run sameInputs,
            Run withTodaysPack) {
    }
}
