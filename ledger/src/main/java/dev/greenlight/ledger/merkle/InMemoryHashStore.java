package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.LedgerErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A thread-safe hash store in memory, for tests, tools and small logs. Hashes must be written in the order
 * {@link TreeAppender} returns them; writing a hash again is allowed only with the same value.
 */
public final class InMemoryHashStore implements HashReader {
    private final List<List<Hash>> levels = new ArrayList<>();

    /** Stores {@code hashes}. */
    public synchronized void write(Collection<StoredHash> hashes) {
        requireNonNull(hashes, "hashes is null");
        for (StoredHash stored : hashes) {
            NodeAddress address = stored.address();
            while (levels.size() <= address.level()) {
                levels.add(new ArrayList<>());
            }
            List<Hash> level = levels.get(address.level());
            if (address.index() < level.size()) {
                if (!level.get((int) address.index()).equals(stored.hash())) {
                    throw new IllegalStateException("a different hash is already stored at " + address);
                }
            } else if (address.index() == level.size()) {
                level.add(stored.hash());
            } else {
                throw new IllegalStateException("hashes must be written in order; " + address + " leaves a gap");
            }
        }
    }

    /** Returns the number of leaves stored: the size of the tree this store holds. */
    public synchronized long size() {
        return levels.isEmpty() ? 0 : levels.getFirst().size();
    }

    @Override
    public synchronized List<Hash> readHashes(List<NodeAddress> addresses) {
        requireNonNull(addresses, "addresses is null");
        List<Hash> result = new ArrayList<>(addresses.size());
        for (NodeAddress address : addresses) {
            if (address.level() >= levels.size() || address.index() >= levels.get(address.level()).size()) {
                throw new HashUnavailableException(LedgerErrorCode.HASH_UNAVAILABLE, "no hash stored at " + address);
            }
            result.add(levels.get(address.level()).get((int) address.index()));
        }
        return result;
    }
}
