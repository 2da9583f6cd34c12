package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 6962 §2.1 Merkle tree hash functions, with SHA-256. */
public final class Rfc6962 {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static final Hash EMPTY_ROOT = Hash.of(newDigest().digest());

    private Rfc6962() {}

    /** Returns SHA-256(0x00 ‖ entry), the hash of one log entry. */
    public static Hash leafHash(byte[] entry) {
        requireNonNull(entry, "entry is null");
        MessageDigest digest = newDigest();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return Hash.of(digest.digest());
    }

    /** Returns SHA-256(0x01 ‖ left ‖ right), the hash of an interior node. */
    public static Hash nodeHash(Hash left, Hash right) {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        byte[] input = new byte[1 + 2 * Hash.SIZE];
        input[0] = NODE_PREFIX;
        left.copyTo(input, 1);
        right.copyTo(input, 1 + Hash.SIZE);
        return Hash.of(newDigest().digest(input));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
