package dev.greenlight.cli.ledger;

import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.output.Details;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.tlogproof.TlogProofVerifier;
import dev.greenlight.ledger.tlogproof.VerifiedEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "verify-proof",
        description = {
            "Verify offline that an entry is in a Greenlight ledger: the proof file's checkpoint must be signed by one of the "
                    + "given keys, and its inclusion proof must lead from the entry's hash to that checkpoint's root. "
                    + "Needs no server and no login.",
            "Exit code 0: verified. 1: not verified, with the reason. 2: a file cannot be read or an option is malformed."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  greenlight ledger verify-proof acme-17.tlog-proof --entry acme-17.json \\",
            "      --vkey 'greenlight.example.com/ledger/acme+1a2b3c4d+AX...'"
        })
final class VerifyProofCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROOF_FILE", description = "The .tlog-proof file (c2sp.org/tlog-proof@v1).")
    private Path proofFile;

    @Option(names = "--entry", required = true, paramLabel = "FILE",
            description = "The entry, byte for byte as logged (e.g. from GET /api/v1/ledger/<workspace>/entries/<index>/raw).")
    private Path entryFile;

    @Mixin
    private TrustedKeyOptions keys = new TrustedKeyOptions();

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Also require the proof to be for this log, e.g. greenlight.example.com/ledger/acme.")
    private @Nullable String origin;

    VerifyProofCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NoteVerifiers trusted = keys.verifiers();
        byte[] proof = InputFiles.read(proofFile, "proof file");
        byte[] entry = InputFiles.read(entryFile, "entry file");
        ObjectNode result = JSON.createObjectNode();
        try {
            VerifiedEntry verified = origin == null
                    ? TlogProofVerifier.verify(proof, entry, trusted)
                    : TlogProofVerifier.verify(proof, entry, trusted, origin);
            Checkpoint checkpoint = verified.checkpoint().checkpoint();
            result.put("verified", true)
                    .put("origin", checkpoint.origin())
                    .put("index", verified.index())
                    .put("treeSize", checkpoint.size())
                    .put("root", checkpoint.root().base64())
                    .put("leafHash", verified.leafHash().hex());
            List<String> signedBy = verified.checkpoint().note().verifiedSignatures().stream()
                    .map(signature -> signature.keyName() + "+" + signature.keyId().hex())
                    .toList();
            signedBy.forEach(result.putArray("signedBy")::add);
            context.printer(spec).item(result, (json, out) -> {
                out.println("Verified: the entry is in the log at index " + verified.index() + ".");
                new Details()
                        .add("Origin", checkpoint.origin())
                        .add("Index", Long.toString(verified.index()))
                        .add("Tree size", Long.toString(checkpoint.size()))
                        .add("Root", checkpoint.root().base64())
                        .add("Leaf hash", verified.leafHash().hex())
                        .add("Signed by", String.join(", ", signedBy))
                        .print(out);
            });
            return ExitCode.SUCCESS;
        } catch (LedgerException e) {
            String hint = hint(e, entry);
            result.put("verified", false)
                    .put("errorCode", e.errorCode().name())
                    .put("reason", e.getMessage());
            if (hint != null) {
                result.put("hint", hint);
            }
            context.printer(spec).item(result, (json, out) -> {
                out.println("NOT verified: the proof does not show that this entry is in a log signed by the given keys.");
                new Details().add("Reason", e.getMessage() + " (" + e.errorCode() + ")").print(out);
                if (hint != null) {
                    out.println(hint);
                }
            });
            return ExitCode.NEGATIVE_VERDICT;
        }
    }

    /** The commonest way to get a correct proof rejected: an entry saved with an extra newline, or the wrong key. */
    private static @Nullable String hint(LedgerException failure, byte[] entry) {
        if (failure.errorCode() == LedgerErrorCode.INVALID_INCLUSION_PROOF && entry.length > 0 && entry[entry.length - 1] == '\n') {
            return "Hint: the entry file ends with a newline. Entries are hashed byte for byte; logged entries are canonical JSON without one.";
        }
        if (failure.errorCode() == LedgerErrorCode.NO_TRUSTED_SIGNATURE) {
            return "Hint: the checkpoint is signed only by keys other than the ones given; check --vkey against GET /api/v1/ledger/keys.";
        }
        return null;
    }
}
