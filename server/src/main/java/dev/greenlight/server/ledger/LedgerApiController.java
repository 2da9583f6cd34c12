package dev.greenlight.server.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.PageRequest;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger for people and scripts: decoded entries, single entries with their exact bytes, proofs, checkpoints. */
@RestController
@RequestMapping("/api/v1/ledger/{workspace}")
class LedgerApiController {
    static final MediaType TLOG_PROOF = MediaType.parseMediaType("text/plain; charset=utf-8");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerReader reader;
    private final Sequencer sequencer;

    LedgerApiController(LedgerReader reader, Sequencer sequencer) {
        this.reader = reader;
        this.sequencer = sequencer;
    }

    @GetMapping("/entries")
    @RequiresPermission(Permission.LEDGER_READ)
    Page<EntryView> entries(@PathVariable String workspace,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String project,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Instant since,
            @RequestParam(required = false) @Nullable Instant until,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Sequencer.LogRef log = ownLog(workspace);
        return reader.entries(log.workspaceId(), new LedgerReader.EntryFilter(kind, project, actor, since, until), PageRequest.of(limit, cursor))
                .map(EntryView::of);
    }

    @GetMapping("/entries/{index}")
    @RequiresPermission(Permission.LEDGER_READ)
    EntryView entry(@PathVariable String workspace, @PathVariable long index) {
        return EntryView.of(reader.entry(ownLog(workspace).workspaceId(), index));
    }

    /** The entry exactly as hashed: what {@code greenlight ledger verify-proof --entry} checks. */
    @GetMapping("/entries/{index}/raw")
    @RequiresPermission(Permission.LEDGER_READ)
    ResponseEntity<byte[]> rawEntry(@PathVariable String workspace, @PathVariable long index) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reader.entry(ownLog(workspace).workspaceId(), index).bytes());
    }

    @GetMapping("/entries/{index}/proof")
    @RequiresPermission(Permission.LEDGER_READ)
    ResponseEntity<byte[]> proof(@PathVariable String workspace, @PathVariable long index) {
        byte[] proof = reader.tlogProof(ownLog(workspace).workspaceId(), index);
        return ResponseEntity.ok().contentType(TLOG_PROOF)
                .header("Content-Disposition", "attachment; filename=\"" + workspace + "-" + index + ".tlog-proof\"")
                .body(proof);
    }

    @GetMapping("/proofs/consistency")
    @RequiresPermission(Permission.LEDGER_READ)
    Map<String, Object> consistency(@PathVariable String workspace, @RequestParam long from, @RequestParam long to) {
        LedgerReader.Consistency consistency = reader.consistency(ownLog(workspace).workspaceId(), from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", consistency.from());
        body.put("to", consistency.to());
        body.put("fromRoot", consistency.fromRoot().base64());
        body.put("toRoot", consistency.toRoot().base64());
        body.put("hashes", consistency.proof().hashes().stream().map(Hash::base64).toList());
        return body;
    }

    @GetMapping("/checkpoint")
    @RequiresPermission(Permission.LEDGER_READ)
    Map<String, Object> latestCheckpoint(@PathVariable String workspace) {
        Sequencer.LogRef log = ownLog(workspace);
        LedgerReader.LatestCheckpoint checkpoint = reader.latestCheckpoint(log.workspaceId())
                .orElseThrow(() -> GreenlightException.notFound("The ledger has no signed checkpoint yet."));
        return checkpointView(log, checkpoint.treeHead(), checkpoint.note());
    }

    /** Integrates what is committed and signs a checkpoint now, instead of at the next interval. */
    @PostMapping("/checkpoint")
    @RequiresPermission(Permission.LEDGER_SIGN)
    Map<String, Object> signNow(@PathVariable String workspace) {
        Sequencer.LogRef log = ownLog(workspace);
        sequencer.catchUp(log);
        LedgerReader.LatestCheckpoint checkpoint = reader.latestCheckpoint(log.workspaceId())
                .orElseThrow(() -> GreenlightException.conflict("This node cannot sign: it lacks the private half of an active signing key."));
        return checkpointView(log, checkpoint.treeHead(), checkpoint.note());
    }

    private Map<String, Object> checkpointView(Sequencer.LogRef log, TreeHead treeHead, byte[] note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", log.origin());
        body.put("size", treeHead.size());
        body.put("root", treeHead.root().base64());
        body.put("note", new String(note, java.nio.charset.StandardCharsets.UTF_8));
        return body;
    }

    private Sequencer.LogRef ownLog(String workspace) {
        Caller caller = CurrentCaller.require();
        if (!caller.workspaceSlug().equals(workspace)) {
            throw GreenlightException.notFound("No ledger for workspace '" + workspace + "'.");
        }
        return reader.log(workspace);
    }

    record EntryView(long index, String kind, @Nullable String project, String actor, Instant at, String leafHash, JsonNode entry) {
        static EntryView of(LedgerReader.StoredEntry stored) {
            return new EntryView(stored.index(), stored.kind(), stored.project(), stored.actor(), stored.at(),
                    stored.leafHash().hex(), JSON.readTree(stored.bytes()));
        }
    }

}
