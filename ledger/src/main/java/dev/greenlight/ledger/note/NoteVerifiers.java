package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of keys a client trusts, looked up by key name and key id as signed-note verification requires.
 *
 * <p>Several keys may share a name (a log rotating its key keeps both published during the overlap) as long as
 * their ids differ; two different keys with the same name and id are refused, since a note could not say which one
 * signed it.
 */
public final class NoteVerifiers {
    private final Map<Key, NoteVerifier> byNameAndId;

    private NoteVerifiers(Map<Key, NoteVerifier> byNameAndId) {
        this.byNameAndId = Map.copyOf(byNameAndId);
    }

    /** Returns the set of the given keys. */
    public static NoteVerifiers of(NoteVerifier... verifiers) {
        return of(List.of(verifiers));
    }

    /**
     * Returns the set of the given keys.
     *
     * @throws IllegalArgumentException if two different keys share both name and key id
     */
    public static NoteVerifiers of(Collection<NoteVerifier> verifiers) {
        requireNonNull(verifiers, "verifiers is null");
        Map<Key, NoteVerifier> map = new HashMap<>();
        for (NoteVerifier verifier : verifiers) {
            requireNonNull(verifier, "verifier is null");
            NoteVerifier previous = map.putIfAbsent(new Key(verifier.name(), verifier.keyId()), verifier);
            if (previous != null && !previous.equals(verifier)) {
                throw new IllegalArgumentException(
                        "two different keys are named " + verifier.name() + " with key id " + verifier.keyId());
            }
        }
        return new NoteVerifiers(map);
    }

    /**
     * Parses verifier key strings.
     *
     * @throws dev.greenlight.ledger.LedgerFormatException if one is malformed
     */
    public static NoteVerifiers parse(Collection<String> verifierKeys) {
        requireNonNull(verifierKeys, "verifierKeys is null");
        return of(verifierKeys.stream().map(NoteVerifier::parse).toList());
    }

    /** Returns the key with this name and id, if trusted. */
    public Optional<NoteVerifier> find(String name, KeyId keyId) {
        return Optional.ofNullable(byNameAndId.get(new Key(name, keyId)));
    }

    /** Returns every trusted key. */
    public Collection<NoteVerifier> all() {
        return byNameAndId.values();
    }

    private record Key(String name, KeyId keyId) {}
}
