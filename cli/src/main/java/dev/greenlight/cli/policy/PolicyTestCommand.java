package dev.greenlight.cli.policy;

import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.policy.CompiledPack;
import dev.greenlight.policy.PackTestReport;
import dev.greenlight.policy.PackTestReport.CaseResult;
import dev.greenlight.policy.PackTestRunner;
import dev.greenlight.policy.PolicyPack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "test",
        description = {
            "Compile a policy pack and run its embedded tests, offline: each test's facts, parameters and quarantine list "
                    + "are evaluated, and every rule's outcome compared with the one the test expects.",
            "Prints one line per test, and for a failing test each expectation that did not hold (expected vs actual)."
        },
        footerHeading = "%nExample:%n",
        footer = "  greenlight policy test packs/acme-strict.yaml",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every test passed.",
            "1:A test failed.",
            "2:The pack does not parse or compile (each problem is printed with its rule and line:column), or cannot be read."
        })
final class PolicyTestCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACK", description = "The policy pack's YAML file.")
    private Path packFile;

    PolicyTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CompiledPack pack = PackFile.compile(context.workingDirectory().resolve(packFile));
        PackTestReport report = PackTestRunner.run(pack);
        context.printer(spec).item(json(pack.pack(), report), (json, out) -> print(pack.pack(), report, out));
        return report.passed() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
    }

    private static void print(PolicyPack pack, PackTestReport report, PrintWriter out) {
        Map<String, List<CaseResult>> byTest = byTest(report);
        out.println("Pack " + pack.id() + "@" + pack.version() + ": " + plural(byTest.size(), "test") + ", "
                + plural(report.cases().size(), "expectation"));
        int passedTests = 0;
        for (Map.Entry<String, List<CaseResult>> test : byTest.entrySet()) {
            List<CaseResult> failed = test.getValue().stream().filter(expectation -> !expectation.passed()).toList();
            out.println("  " + (failed.isEmpty() ? "PASS" : "FAIL") + "  " + Text.oneLine(test.getKey()));
            passedTests += failed.isEmpty() ? 1 : 0;
            for (CaseResult expectation : failed) {
                out.println("          " + expectation.rule() + ": expected " + expectation.expected().wireName() + ", got "
                        + (expectation.actual() == null ? "nothing" : expectation.actual().wireName())
                        + (expectation.error() == null ? "" : " (" + Text.oneLine(expectation.error()) + ")"));
            }
        }
        long passedExpectations = report.cases().stream().filter(CaseResult::passed).count();
        out.println((report.passed() ? "All " : passedTests + " of ") + plural(byTest.size(), "test") + " passed ("
                + passedExpectations + " of " + plural(report.cases().size(), "expectation") + ").");
    }

    private static Map<String, List<CaseResult>> byTest(PackTestReport report) {
        Map<String, List<CaseResult>> byTest = new LinkedHashMap<>();
        report.cases().forEach(expectation -> byTest.computeIfAbsent(expectation.test(), test -> new ArrayList<>()).add(expectation));
        return byTest;
    }

    private static ObjectNode json(PolicyPack pack, PackTestReport report) {
        ObjectNode json = JSON.createObjectNode()
                .put("pack", pack.id())
                .put("version", pack.version())
                .put("sha256", pack.sha256())
                .put("passed", report.passed());
        ArrayNode cases = json.putArray("cases");
        for (CaseResult expectation : report.cases()) {
            ObjectNode item = cases.addObject()
                    .put("test", expectation.test())
                    .put("rule", expectation.rule())
                    .put("expected", expectation.expected().wireName())
                    .put("actual", expectation.actual() == null ? null : expectation.actual().wireName())
                    .put("passed", expectation.passed());
            if (expectation.error() != null) {
                item.put("error", expectation.error());
            }
        }
        return json;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
