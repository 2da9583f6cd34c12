package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.internal.NoteText;
import dev.greenlight.ledger.internal.StrictBase64;
import dev.greenlight.ledger.internal.StrictDecimal;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A public Ed25519 key that verifies signed-note signatures, known by its name and key id.
 *
 * <p>Its text form, the verifier key, is {@code <name>+<8 hex digit key id>+<base64(0x01 ‖ 32-byte public key)>}
 * as defined by golang.org/x/mod/sumdb/note and used across C2SP tools.
 */
public final class NoteVerifier {
    /** The signed-note signature type of Ed25519. */
    static final byte ED25519_TYPE = 0x01;

    private final String name;
    private final KeyId keyId;
    private final byte[] publicKey;
    private final PublicKey jdkKey;

    private NoteVerifier(String name, byte[] publicKey, PublicKey jdkKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.jdkKey = jdkKey;
        this.keyId = KeyId.compute(name, typed(publicKey));
    }

    /**
     * Returns the verifier for a raw 32-byte Ed25519 public key under {@code name}.
     *
     * @throws LedgerFormatException if the name is not a valid key name or the bytes are not a public key
     */
    public static NoteVerifier ofEd25519(String name, byte[] publicKey) {
        requireNonNull(name, "name is null");
        requireNonNull(publicKey, "publicKey is null");
        if (!NoteText.isValidKeyName(name)) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, "key name must be non-empty without spaces or '+': " + StrictDecimal.quote(name));
        }
        if (publicKey.length != Ed25519.KEY_SIZE) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, "an Ed25519 public key is 32 bytes, not " + publicKey.length);
        }
        byte[] copy = publicKey.clone();
        try {
            return new NoteVerifier(name, copy, Ed25519.publicKey(copy));
        } catch (InvalidKeyException e) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_KEY, "not a valid Ed25519 public key", e);
        }
    }

    /**
     * Parses a verifier key string. Only the first two {@code +} separate fields; the base64 may contain more.
     *
     * @throws LedgerFormatException if the string is malformed, of another key type, or its key id does not match
     *     its name and key
     */
    public static NoteVerifier parse(String verifierKey) {
        requireNonNull(verifierKey, "verifierKey is null");
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        if (second < 0) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, "a verifier key has the form name+keyid+key: " + StrictDecimal.quote(verifierKey));
        }
        String name = verifierKey.substring(0, first);
        KeyId claimedId = KeyId.parseHex(verifierKey.substring(first + 1, second));
        byte[] typedKey = StrictBase64.decode(verifierKey.substring(second + 1), LedgerErrorCode.MALFORMED_KEY, "verifier key data");
        byte[] publicKey = untyped(typedKey);
        NoteVerifier verifier = ofEd25519(name, publicKey);
        if (!verifier.keyId.equals(claimedId)) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY,
                    "verifier key id " + claimedId + " does not match its name and key, whose id is " + verifier.keyId);
        }
        return verifier;
    }

    /** Returns the key name, for a log key its origin. */
    public String name() {
        return name;
    }

    /** Returns the key id. */
    public KeyId keyId() {
        return keyId;
    }

    /** Returns the raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the verifier key string. */
    public String verifierKey() {
        return name + "+" + keyId.hex() + "+" + StrictBase64.encode(typed(publicKey));
    }

    /** Reports whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        requireNonNull(message, "message is null");
        requireNonNull(signature, "signature is null");
        return Ed25519.verify(jdkKey, message, signature);
    }

    static byte[] typed(byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return typed;
    }

    static byte[] untyped(byte[] typedKey) {
        if (typedKey.length == 0) {
            throw new LedgerFormatException(LedgerErrorCode.MALFORMED_KEY, "key data is empty");
        }
        if (typedKey[0] != ED25519_TYPE) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, String.format("unsupported signature type 0x%02x; only Ed25519 (0x01) is", typedKey[0]));
        }
        if (typedKey.length != 1 + Ed25519.KEY_SIZE) {
            throw new LedgerFormatException(
                    LedgerErrorCode.MALFORMED_KEY, "an Ed25519 key is 32 bytes, not " + (typedKey.length - 1));
        }
        return Arrays.copyOfRange(typedKey, 1, typedKey.length);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof NoteVerifier that && name.equals(that.name) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }
}
