package dev.greenlight.ledger.tiles;

import java.io.IOException;

/**
 * Fetches the bytes of a log's tiles and entry bundles, over HTTP, from a directory or from anywhere else. What it
 * returns is untrusted: whatever is computed from it must be checked against a signed checkpoint.
 *
 * <p>An implementation may serve a partial tile that its log has already deleted by fetching the full tile and
 * keeping its first {@code width} hashes or entries, as c2sp.org/tlog-tiles allows.
 */
@FunctionalInterface
public interface TileFetcher {
    /**
     * Returns the bytes at {@code tile.path()}.
     *
     * @throws IOException if they cannot be fetched
     */
    byte[] fetch(TileAddress tile) throws IOException;
}
