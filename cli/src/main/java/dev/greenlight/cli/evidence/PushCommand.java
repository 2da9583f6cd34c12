package dev.greenlight.cli.evidence;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.CliException;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import dev.greenlight.cli.output.ResultPrinter;
import dev.greenlight.evidence.EvidenceType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push",
        description = {
            "Upload evidence files to a release: test reports, coverage, SBOMs, scans, load tests, VEX, provenance.",
            "Each file is detected, streamed and answered on its own line; a rejected file does not stop the others."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight push payments 1.4.2 'build/test-results/**/*.xml' jacoco.xml",
            "  greenlight push payments 1.4.2 trivy.json sbom.cdx.json --output json",
            "",
            "Quote globs: greenlight expands them itself, from the working directory.",
            "* and ? match within a directory; ** across directories, or none",
            "(build/**/*.xml also finds build/a.xml).",
            "",
            "Exit code 2 when any file was rejected, missing or unreadable, or when",
            "the push stopped: key, permission, unknown release, server down."
        })
public final class PushCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version; the release must exist.")
    private String version = "";

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE",
            description = "Evidence files or glob patterns (e.g. 'build/**/TEST-*.xml').")
    private List<String> files = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", converter = EvidenceTypeConverter.class,
            completionCandidates = EvidenceTypeConverter.Names.class,
            description = "Read every file as this type instead of detecting it: ${COMPLETION-CANDIDATES}.")
    private @Nullable EvidenceType type;

    PushCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project.isBlank() || version.isBlank()) {
            throw new InvalidInputException("The project and the version are not empty.");
        }
        List<PushTarget> targets = FileGlobs.expand(context.workingDirectory(), files);
        try (GreenlightClient client = context.connect()) {
            PrintWriter err = spec.commandLine().getErr();
            EvidencePusher pusher = new EvidencePusher(new EvidenceUploader(client, context.httpSettings().retryBackoff(), err),
                    ApiPath.of("projects", project, "releases", version, "evidence"), type, err, context.interactive());
            List<PushResult> results = push(pusher, targets);
            return results.stream().allMatch(result -> result.outcome().accepted()) ? ExitCode.SUCCESS : ExitCode.ERROR;
        }
    }

    private List<PushResult> push(EvidencePusher pusher, List<PushTarget> targets) {
        ResultPrinter printer = context.printer(spec);
        PrintWriter out = spec.commandLine().getOut();
        PushLines lines = new PushLines(targets);
        List<PushResult> results = new ArrayList<>();
        try {
            for (PushTarget target : targets) {
                PushResult result = pusher.push(target);
                results.add(result);
                if (!printer.isJson()) {
                    out.println(lines.line(result));
                    out.flush();
                }
            }
        } catch (CliException stop) {
            // Results so far still stand; the failure itself goes to standard error like any command's.
            if (printer.isJson()) {
                printer.array(results.stream().map(PushResult::toJson).toList());
            } else if (!results.isEmpty()) {
                out.println(PushLines.stopped(results, targets.size()));
                out.flush();
            }
            throw stop;
        }
        if (printer.isJson()) {
            printer.array(results.stream().map(PushResult::toJson).toList());
        } else {
            out.println(PushLines.tally(results));
            out.flush();
        }
        return results;
    }
}
