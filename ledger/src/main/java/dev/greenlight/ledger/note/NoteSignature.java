package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.internal.StrictBase64;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One signature line of a signed note: {@code — <key name> <base64(key id ‖ signature)>}.
 *
 * @param keyName the name of the key that claims to have signed
 * @param keyId the id of that key
 * @param signature the signature bytes, at least one
 */
public record NoteSignature(String keyName, KeyId keyId, byte[] signature) {
    /** The em dash (U+2014) and space that start every signature line. */
    public static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        requireNonNull(keyName, "keyName is null");
        requireNonNull(keyId, "keyId is null");
        signature = requireNonNull(signature, "signature is null").clone();
        if (signature.length == 0) {
            throw new IllegalArgumentException("signature is empty");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Returns the signature line, ending in a newline. */
    public String line() {
        byte[] payload = new byte[4 + signature.length];
        keyId.writeTo(payload, 0);
        System.arraycopy(signature, 0, payload, 4, signature.length);
        return LINE_PREFIX + keyName + " " + StrictBase64.encode(payload) + "\n";
    }

    /** Reports whether this signature was made by the key with {@code name} and {@code id}. */
    public boolean isBy(String name, KeyId id) {
        return keyName.equals(name) && keyId.equals(id);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof NoteSignature that
                && keyName.equals(that.keyName)
                && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return (31 * keyName.hashCode() + keyId.hashCode()) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + keyId + "]";
    }
}
