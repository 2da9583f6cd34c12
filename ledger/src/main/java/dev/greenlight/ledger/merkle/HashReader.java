package dev.greenlight.ledger.merkle;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import java.util.List;

/**
 * Read access to the stored hashes of a log: the hashes of its complete subtrees, addressed by level and index.
 *
 * <p>This is the port every tree computation goes through. The server backs it with database rows, the CLI with
 * tiles downloaded from a log ({@link dev.greenlight.ledger.tiles.TileHashReader}), tests with
 * {@link InMemoryHashStore}. Computations ask for all the hashes they need in one call, so an implementation can
 * fetch them in one query or one round of tile downloads.
 */
@FunctionalInterface
public interface HashReader {
    /**
     * Returns the hashes at {@code addresses}, in the same order.
     *
     * @throws HashUnavailableException if any of them is not stored or cannot be read
     */
    List<Hash> readHashes(List<NodeAddress> addresses);
}
