package dev.greenlight.cli.ledger;

import dev.greenlight.cli.failure.InvalidInputException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.ledger.note.NoteVerifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The log's public keys as the user gives them: {@code --vkey} strings and {@code --vkey-file}
 * files. These come from the user, so a malformed one is a usage error (exit code 2), not a verdict.
 */
public final class TrustedKeyOptions {
    @Option(names = "--vkey", paramLabel = "VKEY",
            description = "A verifier key of the log: <name>+<key id>+<base64 key>. Repeat it for several keys (e.g. old and new during a key rotation).")
    private @Nullable List<String> keys;

    @Option(names = "--vkey-file", paramLabel = "FILE",
            description = "A file of verifier keys, one per line; blank lines and lines starting with # are ignored. May be repeated.")
    private @Nullable List<Path> keyFiles;

    /** Whether the user named any key at all. */
    boolean isGiven() {
        return (keys != null && !keys.isEmpty()) || (keyFiles != null && !keyFiles.isEmpty());
    }

    /**
     * The keys, parsed: first the {@code --vkey} options, then each file's lines.
     *
     * @throws InvalidInputException if none is given, one is malformed, or two clash
     */
    NoteVerifiers verifiers() {
        List<NoteVerifier> parsed = new ArrayList<>();
        for (String key : keys == null ? List.<String>of() : keys) {
            parsed.add(parse(key.strip(), "--vkey"));
        }
        for (Path file : keyFiles == null ? List.<Path>of() : keyFiles) {
            String text = new String(InputFiles.read(file, "key file"), StandardCharsets.UTF_8);
            int lineNumber = 0;
            for (String line : text.split("\n", -1)) {
                lineNumber++;
                String key = line.strip();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    parsed.add(parse(key, file + " line " + lineNumber));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new InvalidInputException(isGiven()
                    ? "The key files hold no verifier key."
                    : "Which keys does the log sign with? Pass --vkey KEY or --vkey-file FILE.");
        }
        try {
            return NoteVerifiers.of(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The keys given clash: " + e.getMessage() + ".");
        }
    }

    private static NoteVerifier parse(String key, String where) {
        try {
            return NoteVerifier.parse(key);
        } catch (LedgerFormatException e) {
            throw new InvalidInputException("The verifier key '" + key + "' (" + where + ") is malformed: " + e.getMessage()
                    + ". A verifier key looks like example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk.");
        }
    }
}
