package dev.greenlight.server.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;

/**
 * The log's verifier keys, current and retired, with their validity windows; and key rotation for instance
 * administrators: add a key (both sign during the overlap), then retire the old one.
 */
@RestController
@RequestMapping("/api/v1/ledger/keys")
class LedgerKeyController {
    private final SigningKeys keys;
    private final LedgerOrigins origins;
    private final Ledger ledger;
    private final Sequencer sequencer;

    LedgerKeyController(SigningKeys keys, LedgerOrigins origins, Ledger ledger, Sequencer sequencer) {
        this.keys = keys;
        this.origins = origins;
        this.ledger = ledger;
        this.sequencer = sequencer;
    }

    @GetMapping
    @RequiresPermission(Permission.LEDGER_READ)
    Page<KeyView> list() {
        String origin = origins.originOf(CurrentCaller.require().workspaceSlug());
        return new Page<>(keys.published().stream().map(key -> KeyView.of(key, origin)).toList(), null);
    }

    @PostMapping
    @RequiresPermission(Permission.LEDGER_KEYS_MANAGE)
    @Transactional
    KeyView add() {
        SigningKeys.PublishedKey key = keys.add();
        recordInEveryLog("signing-key.added", key);
        return KeyView.of(key, origins.originOf(CurrentCaller.require().workspaceSlug()));
    }

    @PostMapping("/{keyId}/retire")
    @RequiresPermission(Permission.LEDGER_KEYS_MANAGE)
    @Transactional
    KeyView retire(@PathVariable UUID keyId) {
        SigningKeys.PublishedKey key = keys.retire(keyId);
        recordInEveryLog("signing-key.retired", key);
        return KeyView.of(key, origins.originOf(CurrentCaller.require().workspaceSlug()));
    }

    /** Keys are the instance's; every workspace's log records the change, and its next checkpoint shows it. */
    private void recordInEveryLog(String kind, SigningKeys.PublishedKey key) {
        Caller caller = CurrentCaller.require();
        for (Sequencer.LogRef log : sequencer.logs()) {
            ledger.append(new LedgerEvent(log.workspaceId(), log.workspaceSlug(), kind, null, caller.name(),
                    Map.of("keyId", key.id().toString(), "verifierKey", key.verifier(log.origin()).verifierKey())));
        }
    }

    record KeyView(UUID id, String keyId, String verifierKey, String source, Instant validFrom, @Nullable Instant retiredAt, boolean active) {
        static KeyView of(SigningKeys.PublishedKey key, String origin) {
            NoteVerifier verifier = key.verifier(origin);
            return new KeyView(key.id(), verifier.keyId().hex(), verifier.verifierKey(), key.source(), key.validFrom(), key.retiredAt(), key.isActive());
        }
    }

}
