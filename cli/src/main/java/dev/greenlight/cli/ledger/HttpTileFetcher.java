package dev.greenlight.cli.ledger;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.failure.CliException;
import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.merkle.TreeAppender;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.ledger.tiles.TileFetcher;

/**
 * Fetches a workspace's checkpoint, tiles and entry bundles from {@code /ledger/<workspace>/}
 * (c2sp.org/tlog-tiles). Nothing it returns is trusted: {@link dev.greenlight.ledger.audit.LogVerifier}
 * checks it all against the signed checkpoint. A failed download is an error (exit code 2), not a
 * verdict: it says nothing about the log's honesty.
 */
final class HttpTileFetcher implements TileFetcher {
    /** A checkpoint is three short lines and at most 100 signature lines. */
    static final int MAX_CHECKPOINT_BYTES = 64 * 1024;
    private static final String BINARY = "application/octet-stream, application/problem+json";
    private static final String TEXT = "text/plain, application/problem+json";

    private final GreenlightClient client;
    private final String prefix;

    HttpTileFetcher(GreenlightClient client, String workspace) {
        this.client = requireNonNull(client, "client is null");
        this.prefix = "/ledger/" + ApiPath.encodeSegment(requireNonNull(workspace, "workspace is null")) + "/";
    }

    byte[] checkpoint() {
        return download("checkpoint", TEXT, MAX_CHECKPOINT_BYTES);
    }

    @Override
    public byte[] fetch(TileAddress tile) {
        // The most a full tile can hold: anything larger is refused before it fills memory. A smaller
        // answer of the wrong length is passed on, and the audit rejects it as a malformed tile.
        int maxBytes = switch (tile) {
            case HashTileAddress hashTile -> TileAddress.FULL_WIDTH * Hash.SIZE;
            case EntryBundleAddress bundle -> TileAddress.FULL_WIDTH * (2 + TreeAppender.MAX_ENTRY_SIZE);
        };
        return download(tile.path(), BINARY, maxBytes);
    }

    private byte[] download(String path, String accept, int maxBytes) {
        try {
            return client.download(prefix + path, accept, maxBytes);
        } catch (CliException e) {
            throw LedgerCliException.whileFetching(prefix + path, e);
        }
    }
}
