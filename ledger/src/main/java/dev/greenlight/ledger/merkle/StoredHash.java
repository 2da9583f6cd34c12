package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;

/**
 * The hash of one complete subtree, as a hash store keeps it.
 *
 * @param address where the subtree sits
 * @param hash its Merkle tree hash
 */
public record StoredHash(NodeAddress address, Hash hash) {
    public StoredHash {
        requireNonNull(address, "address is null");
        requireNonNull(hash, "hash is null");
    }
}
