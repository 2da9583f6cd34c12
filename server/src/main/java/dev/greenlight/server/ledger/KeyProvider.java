package dev.greenlight.server.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where the private halves of the signing keys come from. The file-based provider is the only one today; a KMS-backed
 * one would sign remotely and expose the same keys by their public halves.
 */
interface KeyProvider {

    /** The Ed25519 keys this node can sign with. */
    List<SigningKeyMaterial> available();

    /** Creates a new key where this provider keeps keys, for a rotation. */
    SigningKeyMaterial generate();

    /** A key pair: the 32-byte Ed25519 seed, its public key, and where it is kept (for operators, never the key). */
    record SigningKeyMaterial(byte[] seed, byte[] publicKey, String source) {
        public SigningKeyMaterial {
            requireNonNull(seed, "seed is null");
            requireNonNull(publicKey, "publicKey is null");
            requireNonNull(source, "source is null");
        }

        @Override
        public String toString() {
            return "SigningKeyMaterial[source=" + source + ", seed=***]";
        }
    }
}
