package dev.greenlight.server.ledger;

import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.tiles.EntryBundleAddress;
import dev.greenlight.ledger.tiles.HashTileAddress;
import dev.greenlight.ledger.tiles.TileAddress;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.PublicWhen;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * The C2SP tlog-tiles read API of each workspace's log, at {@code /ledger/<workspace>/}: what an independent
 * auditor or monitor fetches to check the log with its own tools.
 */
@RestController
class TileController {
    static final MediaType CHECKPOINT_TYPE = MediaType.parseMediaType("text/plain; charset=utf-8");
    /** Tile contents never change once served: a partial tile of width W is the first W hashes forever. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable();

    private final LedgerReader reader;

    TileController(LedgerReader reader) {
        this.reader = reader;
    }

    @GetMapping("/ledger/{workspace}/checkpoint")
    @RequiresPermission(Permission.LEDGER_READ)
    @PublicWhen("greenlight.ledger.public-checkpoint")
    ResponseEntity<byte[]> checkpoint(@PathVariable String workspace) {
        Sequencer.LogRef log = readableLog(workspace);
        byte[] note = reader.latestCheckpoint(log.workspaceId())
                .orElseThrow(() -> GreenlightException.notFound("The ledger has no signed checkpoint yet.")).note();
        return ResponseEntity.ok().contentType(CHECKPOINT_TYPE)
                .cacheControl(CacheControl.noCache())
                .body(note);
    }

    @GetMapping("/ledger/{workspace}/tile/{*path}")
    @RequiresPermission(Permission.LEDGER_READ)
    ResponseEntity<byte[]> tile(@PathVariable String workspace, @PathVariable String path) {
        Sequencer.LogRef log = readableLog(workspace);
        TileAddress address;
        try {
            address = TileAddress.parse("tile" + path);
        } catch (LedgerFormatException e) {
            throw GreenlightException.notFound("Not a tile path: " + e.getMessage());
        }
        byte[] body = switch (address) {
            case HashTileAddress hashTile -> reader.hashTile(log.workspaceId(), hashTile).orElse(null);
            case EntryBundleAddress bundle -> reader.entryBundle(log.workspaceId(), bundle).orElse(null);
        };
        if (body == null) {
            throw GreenlightException.notFound("That tile does not exist (yet).");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE).body(body);
    }

    /** A caller reads only its own workspace's log; with a public checkpoint and no caller, any existing log. */
    private Sequencer.LogRef readableLog(String workspace) {
        CurrentCaller.find().ifPresent(caller -> {
            if (!caller.workspaceSlug().equals(workspace)) {
                throw GreenlightException.notFound("No ledger for workspace '" + workspace + "'.");
            }
        });
        return reader.log(workspace);
    }
}
