package dev.greenlight.ledger.note;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Raw 32-byte Ed25519 keys on top of the JDK's Ed25519, which only speaks DER-wrapped keys. */
final class Ed25519 {
    static final int KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {}

    /**
     * Returns the JDK public key for 32 raw bytes.
     *
     * @throws InvalidKeyException if the bytes do not encode a point on the curve
     */
    static PublicKey publicKey(byte[] raw) throws InvalidKeyException {
        checkSize(raw);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
            // The JDK decodes the point only when a verifier is initialised; do it now so bad keys fail early.
            Signature.getInstance("Ed25519").initVerify(key);
            return key;
        } catch (InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("not an Ed25519 public key", e);
        }
    }

    /** Returns the JDK private key for a 32-byte seed. */
    static PrivateKey privateKey(byte[] seed) {
        checkSize(seed);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK rejected an Ed25519 seed", e);
        }
    }

    /** Returns the 32-byte public key that belongs to a 32-byte seed. */
    static byte[] publicKeyFromSeed(byte[] seed) {
        checkSize(seed);
        // The JDK has no public API to derive an Ed25519 public key from a private one. Its key pair generator
        // draws the seed as exactly KEY_SIZE random bytes (RFC 8032 §5.1.5), so a source that returns the seed
        // makes it derive the public key for us; the caller checks the pair with a test signature.
        SecureRandom seedSource = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != KEY_SIZE) {
                    throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, KEY_SIZE);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, seedSource);
            KeyPair pair = generator.generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        if (signatureBytes.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static void checkSize(byte[] key) {
        if (key.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 key is " + KEY_SIZE + " bytes, not " + key.length);
        }
    }

    private static byte[] concat(byte[] prefix, byte[] key) {
        byte[] result = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, result, prefix.length, key.length);
        return result;
    }
}
