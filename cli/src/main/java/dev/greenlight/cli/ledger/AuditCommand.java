package dev.greenlight.cli.ledger;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.config.ConfigLocation;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import dev.greenlight.cli.output.Cells;
import dev.greenlight.cli.output.Details;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.note.NoteVerifiers;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "audit",
        description = {
            "Audit a workspace's transparency log: download its signed checkpoint, verify the signature, read the entry bundles "
                    + "and hash tiles, recompute every entry's hash and the root, and check that the log extends the checkpoint "
                    + "this machine audited last time. That checkpoint is kept in <config dir>/ledger/<server>/<workspace>.json, "
                    + "written only after a clean audit.",
            "Without --vkey, the keys the server publishes are trusted on first use and pinned in that file.",
            "Exit code 0: everything verified. 1: a check failed, and the output names it (checkpoint, signature, origin, "
                    + "hash tile, entry bundle, root, consistency). 2: the audit could not run (network, login, permission, "
                    + "unreadable state file)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight ledger audit --workspace acme",
            "  greenlight ledger audit --workspace acme --vkey-file acme-ledger.vkeys --full -o json"
        })
final class AuditCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WORKSPACE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, paramLabel = "WORKSPACE",
            description = "The workspace whose log to audit (default: the API key's workspace).")
    private @Nullable String workspace;

    @Mixin
    private TrustedKeyOptions keys = new TrustedKeyOptions();

    @Option(names = "--origin", paramLabel = "ORIGIN",
            description = "Require this log origin, e.g. greenlight.example.com/ledger/acme (default: the one audited before, else the checkpoint's).")
    private @Nullable String origin;

    @Option(names = "--full", description = "Re-read and re-hash every entry, not only those added since the last audit.")
    private boolean full;

    @Option(names = "--accept-server-keys",
            description = "Replace the pinned keys with the ones the server publishes now (after checking why they changed).")
    private boolean acceptServerKeys;

    AuditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (acceptServerKeys && keys.isGiven()) {
            throw new InvalidInputException("--accept-server-keys pins the server's keys; it cannot be combined with --vkey or --vkey-file.");
        }
        if (workspace != null && !WORKSPACE_SLUG.matcher(workspace).matches()) {
            throw new InvalidInputException("'" + workspace + "' is not a workspace slug (lowercase letters, digits and '-').");
        }
        NoteVerifiers givenKeys = keys.isGiven() ? keys.verifiers() : null;
        try (GreenlightClient client = context.connect()) {
            String slug = workspace != null ? workspace : workspaceOfKey(client);
            LedgerStateStore store = new LedgerStateStore(ConfigLocation.from(context.environment()), client.server(), slug);
            LedgerState previous = store.load().orElse(null);
            List<String> pinned = previous == null ? List.of() : previous.pinnedKeys();
            KeyTrust trust = givenKeys != null
                    ? KeyTrust.given(givenKeys, pinned)
                    : KeyTrust.fromServer(publishedKeys(client), pinned, acceptServerKeys);
            HttpTileFetcher fetcher = new HttpTileFetcher(client, slug);
            byte[] note = fetcher.checkpoint();
            String expectedOrigin = origin != null ? origin : previous != null ? previous.origin() : AuditRun.claimedOrigin(note);
            AuditRun.Outcome outcome;
            if (previous != null && !previous.origin().equals(expectedOrigin)) {
                outcome = AuditRun.Outcome.failed(null, new AuditRun.Failure(AuditCheck.ORIGIN, LedgerErrorCode.ORIGIN_MISMATCH,
                        "--origin " + expectedOrigin + " was given, but the last audit from this machine was of log " + previous.origin()));
            } else {
                outcome = AuditRun.run(note, expectedOrigin, trust.trusted(), fetcher, previous == null ? null : previous.treeHead(), full);
            }
            printKeyMessages(trust);
            AuditReport report = new AuditReport(client.server().toString(), slug, previous, outcome, full, trust, store.file().toString());
            if (outcome.passed() && outcome.checkpoint() != null) {
                Checkpoint checkpoint = outcome.checkpoint().checkpoint();
                store.save(new LedgerState(client.server().toString(), slug, checkpoint.origin(), checkpoint.treeHead(),
                        new String(outcome.checkpoint().noteBytes(), StandardCharsets.UTF_8), trust.toPin(), Instant.now()));
            }
            context.printer(spec).item(report.toJson(), (json, out) -> report.print(out));
            return outcome.passed() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
        }
    }

    private void printKeyMessages(KeyTrust trust) {
        PrintWriter err = spec.commandLine().getErr();
        if (!trust.warnings().isEmpty()) {
            String rule = "!".repeat(78);
            err.println(rule);
            trust.warnings().forEach(warning -> err.println("WARNING: " + warning));
            err.println(rule);
        }
        trust.notes().forEach(note -> err.println("Note: " + note));
        err.flush();
    }

    private static String workspaceOfKey(GreenlightClient client) {
        JsonNode slug = client.get(ApiPath.of("me")).path("workspace").path("slug");
        if (!slug.isString() || !WORKSPACE_SLUG.matcher(slug.stringValue()).matches()) {
            throw new LedgerCliException("The server did not say which workspace the API key belongs to; pass --workspace.");
        }
        return slug.stringValue();
    }

    private static List<String> publishedKeys(GreenlightClient client) {
        List<String> published = new ArrayList<>();
        for (JsonNode key : client.list(ApiPath.of("ledger", "keys"), null)) {
            JsonNode verifierKey = key.path("verifierKey");
            if (!verifierKey.isString()) {
                throw new LedgerCliException("The server's ledger key " + Cells.text(key, "id") + " has no verifierKey.",
                        "Pass the log's keys with --vkey instead.");
            }
            published.add(verifierKey.stringValue());
        }
        return published;
    }

    /** What one audit found, for people and for scripts. */
    private record AuditReport(String server, String workspace, @Nullable LedgerState previous, AuditRun.Outcome outcome,
            boolean full, KeyTrust trust, String stateFile) {

        JsonNode toJson() {
            ObjectNode json = JSON.createObjectNode()
                    .put("result", outcome.passed() ? "ok" : "failed")
                    .put("server", server)
                    .put("workspace", workspace);
            if (outcome.checkpoint() != null) {
                Checkpoint checkpoint = outcome.checkpoint().checkpoint();
                json.put("origin", checkpoint.origin()).put("treeSize", checkpoint.size()).put("root", checkpoint.root().base64());
            } else {
                json.putNull("origin").putNull("treeSize").putNull("root");
            }
            json.put("full", full)
                    .put("firstEntryChecked", outcome.firstEntryChecked())
                    .put("entriesChecked", outcome.entriesChecked());
            if (previous != null) {
                json.put("previousSize", previous.treeHead().size())
                        .put("previousRoot", previous.treeHead().root().base64())
                        .put("previousAuditAt", previous.auditedAt().toString());
            } else {
                json.putNull("previousSize").putNull("previousRoot").putNull("previousAuditAt");
            }
            Boolean consistent = consistentWithLastAudit();
            if (consistent == null) {
                json.putNull("consistentWithLastAudit");
            } else {
                json.put("consistentWithLastAudit", consistent);
            }
            ObjectNode keyNode = json.putObject("keys").put("source", trust.source());
            trust.trusted().all().stream().map(key -> key.verifierKey()).sorted().forEach(keyNode.putArray("trusted")::add);
            trust.warnings().forEach(json.putArray("warnings")::add);
            json.put("stateFile", stateFile);
            AuditRun.Failure failure = outcome.failure();
            if (failure == null) {
                json.putNull("failure");
            } else {
                json.putObject("failure")
                        .put("check", failure.check().label())
                        .put("errorCode", failure.errorCode().name())
                        .put("message", failure.message())
                        .put("explanation", failure.check().explanation());
            }
            return json;
        }

        void print(PrintWriter out) {
            AuditRun.Failure failure = outcome.failure();
            out.println("Ledger audit of workspace " + workspace + " on " + server + ": " + (failure == null ? "OK" : "FAILED"));
            var details = new Details();
            if (failure != null) {
                details.add("Failed check", failure.check().label())
                        .add("Reason", failure.message() + " (" + failure.errorCode() + ")");
            }
            if (outcome.checkpoint() != null) {
                Checkpoint checkpoint = outcome.checkpoint().checkpoint();
                details.add("Origin", checkpoint.origin())
                        .add("Tree size", Long.toString(checkpoint.size()))
                        .add("Root", checkpoint.root().base64());
            }
            if (failure == null) {
                details.add("Entries checked", entriesChecked());
            }
            details.add("Previous size", previous == null
                    ? "- (first audit of this log from this machine)"
                    : previous.treeHead().size() + " (audited " + previous.auditedAt() + ")");
            Boolean consistent = consistentWithLastAudit();
            details.add("Consistent with last audit", consistent == null ? "- (nothing to compare with)" : consistent ? "yes" : "NO");
            details.add("Keys", trust.source().equals("vkey")
                    ? trust.trusted().all().size() + " given with --vkey/--vkey-file"
                    : trust.trusted().all().size() + " trusted: published by the server or pinned by earlier audits");
            details.add("State file", stateFile + (failure == null ? "" : " (left unchanged)"));
            details.print(out);
            if (failure != null) {
                out.println(failure.check().explanation());
            }
        }

        private String entriesChecked() {
            long count = outcome.entriesChecked();
            if (count == 0) {
                return "0 (no new entries)";
            }
            long first = outcome.firstEntryChecked();
            return count + " (indexes " + first + " to " + (first + count - 1) + (first == 0 && previous != null ? ", --full" : "") + ")";
        }

        /** True or false when there was a previous audit and the check got that far; null otherwise. */
        private @Nullable Boolean consistentWithLastAudit() {
            if (previous == null) {
                return null;
            }
            AuditRun.Failure failure = outcome.failure();
            if (failure == null) {
                return true;
            }
            return failure.check() == AuditCheck.CONSISTENCY ? Boolean.FALSE : null;
        }
    }
}
