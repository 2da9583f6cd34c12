package dev.greenlight.cli.policy;

import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.EvaluationInput;
import dev.greenlight.policy.PolicyPack;
import dev.greenlight.policy.RuleResult;
import dev.greenlight.policy.Verdict;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "check",
        description = {
            "Evaluate a policy pack over a release's facts, offline, and print the checklist: the verdict and score, "
                    + "each rule's outcome with the values it read, and the blockers with their remediation.",
            "The facts file is the body of GET /api/v1/projects/<project>/releases/<version>/facts, or a bare object of "
                    + "family -> facts; a family left out is absent (its rules lack evidence)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight policy check baseline.yaml --facts facts.json --param latencyBudgetMs=300",
            "  greenlight policy check acme.yaml --facts facts.json --quarantine com.acme.CartTest.flaky --waive sbom-present"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Ready: no blocker rule failed, lacked evidence or erred.",
            "1:Blocked.",
            "2:An error: the pack does not parse or compile, a file cannot be read, a parameter is not declared or malformed."
        })
final class PolicyCheckCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACK", description = "The policy pack's YAML file.")
    private Path packFile;

    @Option(names = "--facts", required = true, paramLabel = "FILE", description = "The release's facts, as JSON.")
    private Path factsFile;

    @Option(names = "--param", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "A value for one of the pack's parameters (repeatable); declared defaults fill the rest.")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--quarantine", paramLabel = "TEST_ID", description = "A quarantined test's id, e.g. com.acme.CartTest.total (repeatable).")
    private List<String> quarantine = List.of();

    @Option(names = "--waive", paramLabel = "RULE", description = "Waive a rule that fails or lacks evidence (repeatable).")
    private List<String> waived = List.of();

    PolicyCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CompiledPack pack = PackFile.compile(context.workingDirectory().resolve(packFile));
        Map<String, Object> facts = FactsFile.read(context.workingDirectory().resolve(factsFile));
        Map<String, Object> values = ParameterValues.of(parameters, pack.pack().parameters());
        for (String rule : waived) {
            if (pack.pack().rules().stream().noneMatch(candidate -> candidate.id().equals(rule))) {
                throw new PolicyCliException("--waive " + rule + ": the pack has no such rule.");
            }
        }
        Verdict verdict = Verdict.of(pack.evaluate(new EvaluationInput(facts, values, quarantine)), new LinkedHashSet<>(waived));
        context.printer(spec).item(json(pack.pack(), verdict), (json, out) -> VerdictChecklist.print(pack.pack(), verdict, out));
        return verdict.ready() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
    }

    private static ObjectNode json(PolicyPack pack, Verdict verdict) {
        ObjectNode json = JSON.createObjectNode()
                .put("pack", pack.id())
                .put("version", pack.version())
                .put("sha256", pack.sha256())
                .put("verdict", verdict.ready() ? "ready" : "blocked")
                .put("score", verdict.score());
        ArrayNode rules = json.putArray("rules");
        for (RuleResult result : verdict.results()) {
            ObjectNode rule = rules.addObject()
                    .put("id", result.ruleId())
                    .put("title", result.title())
                    .put("severity", result.severity().wireName())
                    .put("weight", result.weight())
                    .put("outcome", result.outcome().wireName());
            rule.set("values", JSON.valueToTree(result.values()));
            rule.set("missingEvidence", JSON.valueToTree(result.missingEvidence()));
            if (result.error() != null) {
                rule.put("error", result.error());
            }
            rule.put("remediation", result.remediation().text());
            if (result.remediation().link() != null) {
                rule.put("remediationLink", result.remediation().link());
            }
        }
        ArrayNode blockers = json.putArray("blockers");
        verdict.blockers().forEach(blocker -> blockers.add(blocker.ruleId()));
        return json;
    }
}
