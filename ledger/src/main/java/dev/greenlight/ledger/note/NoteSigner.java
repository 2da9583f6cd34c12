package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.internal.StrictBase64;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * A private Ed25519 key that signs notes under a key name.
 *
 * <p>Its text form, the signer key, is {@code PRIVATE+KEY+<name>+<8 hex digit key id>+<base64(0x01 ‖ 32-byte
 * seed)>} as defined by golang.org/x/mod/sumdb/note. It is a secret: {@link #toString()} never shows it.
 */
public final class NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final NoteVerifier verifier;
    private final byte[] seed;
    private final PrivateKey privateKey;

    private NoteSigner(NoteVerifier verifier, byte[] seed) {
        this.verifier = verifier;
        this.seed = seed;
        this.privateKey = Ed25519.privateKey(seed);
        // Deriving the public key goes through a JDK side door (see Ed25519); prove the pair matches.
        byte[] probe = "greenlight key check".getBytes(StandardCharsets.UTF_8);
        if (!verifier.verify(probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalStateException("derived Ed25519 public key does not match the seed");
        }
    }

    /**
     * Returns the signer for a 32-byte Ed25519 seed under {@code name}.
     *
     * @throws LedgerFormatException if the name is not a valid key name or the seed is not 32 bytes
     */
    public static NoteSigner ofEd25519Seed(String name, byte[] seed) {
        requireNonNull(name, "name is null");
        requireNonNull(seed, "seed is null");
        if (seed.length != Ed25519.KEY_SIZE) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_KEY, "an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        byte[] copy = seed.clone();
        return new NoteSigner(NoteVerifier.ofEd25519(name, Ed25519.publicKeyFromSeed(copy)), copy);
    }

    /** Generates a new key under {@code name}. */
    public static NoteSigner generate(String name, SecureRandom random) {
        requireNonNull(random, "random is null");
        byte[] seed = new byte[Ed25519.KEY_SIZE];
        random.nextBytes(seed);
        return ofEd25519Seed(name, seed);
    }

    /**
     * Parses a signer key string.
     *
     * @throws LedgerFormatException if it is malformed, of another key type, or its key id does not match
     */
    public static NoteSigner parse(String signerKey) {
        requireNonNull(signerKey, "signerKey is null");
        if (!signerKey.startsWith(PREFIX)) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_KEY, "a signer key starts with " + PREFIX);
        }
        String rest = signerKey.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, "a signer key has the form PRIVATE+KEY+name+keyid+key");
        }
        String name = rest.substring(0, first);
        KeyId claimedId = KeyId.parseHex(rest.substring(first + 1, second));
        byte[] typedSeed = StrictBase64.decode(rest.substring(second + 1), LedgerErrorCode.MALFORMED_KEY, "signer key data");
        NoteSigner signer = ofEd25519Seed(name, NoteVerifier.untyped(typedSeed));
        if (!signer.keyId().equals(claimedId)) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY,
                    "signer key id " + claimedId + " does not match the key, whose id is " + signer.keyId()
                            + " (name " + StrictDecimal.quote(name) + ")");
        }
        return signer;
    }

    /** Returns the key name. */
    public String name() {
        return verifier.name();
    }

    /** Returns the key id. */
    public KeyId keyId() {
        return verifier.keyId();
    }

    /** Returns the matching public key. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** Returns the secret signer key string. */
    public String signerKey() {
        return PREFIX + name() + "+" + keyId().hex() + "+" + StrictBase64.encode(NoteVerifier.typed(seed));
    }

    /** Returns the 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        requireNonNull(message, "message is null");
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name() + "+" + keyId().hex() + "]";
    }

    /** Compares keys, not identity, without leaking timing about the seed. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof NoteSigner that
                && verifier.equals(that.verifier)
                && MessageDigest.isEqual(seed, that.seed);
    }

    @Override
    public int hashCode() {
        return verifier.hashCode();
    }
}
