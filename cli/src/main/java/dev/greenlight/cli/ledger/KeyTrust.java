package dev.greenlight.cli.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.ledger.note.NoteVerifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which keys an audit trusts, and which it pins for the next one.
 *
 * <p>With {@code --vkey}, exactly the given keys, and the pinned set is left alone. Without, the keys
 * the server publishes, trusted on first use: the first audit pins them in the state file; a later
 * audit trusts the server's keys plus the pinned ones, pins any new key (a rotation adds one), and
 * warns loudly when a pinned key is no longer published, since Greenlight keeps retired keys
 * published forever. {@code --accept-server-keys} replaces the pinned set with the server's.
 *
 * @param trusted the keys a checkpoint may be signed with
 * @param toPin the pinned keys to store after a successful audit
 * @param source {@code vkey} or {@code server}
 * @param warnings what the user must look into; printed loudly, exit code unchanged
 * @param notes what changed, for information
 */
record KeyTrust(NoteVerifiers trusted, List<String> toPin, String source, List<String> warnings, List<String> notes) {
    KeyTrust {
        requireNonNull(trusted, "trusted is null");
        toPin = List.copyOf(toPin);
        requireNonNull(source, "source is null");
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    static KeyTrust given(NoteVerifiers keys, List<String> pinned) {
        return new KeyTrust(keys, pinned, "vkey", List.of(), List.of());
    }

    /**
     * @param published the verifier keys the server publishes now
     * @param pinned the keys pinned by earlier audits, empty on the first
     */
    static KeyTrust fromServer(List<String> published, List<String> pinned, boolean repin) {
        Map<String, NoteVerifier> server = parseAll(published, true);
        Map<String, NoteVerifier> pins = parseAll(pinned, false);
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (pins.isEmpty() || repin) {
            if (server.isEmpty()) {
                throw new LedgerCliException("The server publishes no ledger keys (GET /api/v1/ledger/keys), so there is nothing to check the checkpoint with.",
                        "Pass the log's keys with --vkey or --vkey-file.");
            }
            notes.add((pins.isEmpty() ? "First audit of this log from this machine: trusting" : "--accept-server-keys: trusting")
                    + " the " + server.size() + " key(s) the server publishes and pinning them: " + String.join(", ", server.keySet())
                    + ". Compare them with keys obtained another way, or pass --vkey, for trust that does not rest on this server.");
            NoteVerifiers keys;
            try {
                keys = NoteVerifiers.of(server.values());
            } catch (IllegalArgumentException e) {
                throw new LedgerCliException("The server publishes clashing ledger keys: " + e.getMessage() + ".",
                        "Pass the log's keys with --vkey instead.");
            }
            return new KeyTrust(keys, List.copyOf(server.keySet()), "server", warnings, notes);
        }
        Map<String, NoteVerifier> trusted = new LinkedHashMap<>(pins);
        List<String> missing = pins.keySet().stream().filter(key -> !server.containsKey(key)).toList();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, NoteVerifier> entry : server.entrySet()) {
            if (trusted.containsKey(entry.getKey())) {
                continue;
            }
            NoteVerifier key = entry.getValue();
            boolean clashes = trusted.values().stream().anyMatch(pin -> pin.name().equals(key.name()) && pin.keyId().equals(key.keyId()));
            if (clashes) {
                warnings.add("The server publishes " + entry.getKey() + ", a different key under the name and key id of a pinned key. It is NOT trusted.");
                continue;
            }
            trusted.put(entry.getKey(), key);
            added.add(entry.getKey());
        }
        if (!missing.isEmpty()) {
            warnings.add("The server no longer publishes " + missing.size() + " key(s) pinned by an earlier audit: " + String.join(", ", missing) + ".");
            warnings.add("Greenlight keeps retired keys published, so this should never happen: the server may have been replaced,"
                    + " reset, or tampered with. The pinned keys are still trusted for this audit.");
            warnings.add("After checking with the server's operators, run the audit with --accept-server-keys to pin the server's current keys.");
        }
        if (!added.isEmpty()) {
            notes.add("The server publishes " + added.size() + " key(s) not pinned before (a key rotation?): "
                    + String.join(", ", added) + ". They are trusted and now pinned.");
        }
        return new KeyTrust(NoteVerifiers.of(trusted.values()), List.copyOf(trusted.keySet()), "server", warnings, notes);
    }

    /** Keyed by the canonical verifier key string. A malformed published key means the server is broken: an error. */
    private static Map<String, NoteVerifier> parseAll(List<String> keys, boolean published) {
        Map<String, NoteVerifier> parsed = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                NoteVerifier verifier = NoteVerifier.parse(key);
                parsed.put(verifier.verifierKey(), verifier);
            } catch (LedgerFormatException e) {
                throw new LedgerCliException(published
                        ? "The server publishes a malformed ledger key '" + key + "': " + e.getMessage() + "."
                        : "The ledger state file holds a malformed pinned key '" + key + "': " + e.getMessage() + ".",
                        published ? "Pass the log's keys with --vkey instead." : "Fix or delete the state file.");
            }
        }
        return parsed;
    }
}
