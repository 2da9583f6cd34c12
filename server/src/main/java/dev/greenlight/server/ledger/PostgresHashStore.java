package dev.greenlight.server.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.merkle.HashReader;
import dev.greenlight.ledger.merkle.NodeAddress;
import dev.greenlight.ledger.merkle.StoredHash;

/** The stored hashes of one workspace's tree, in ledger_hashes. One query per read, however many hashes. */
final class PostgresHashStore implements HashReader {
    private final JdbcClient jdbc;
    private final UUID workspaceId;

    PostgresHashStore(JdbcClient jdbc, UUID workspaceId) {
        this.jdbc = jdbc;
        this.workspaceId = workspaceId;
    }

    @Override
    public List<Hash> readHashes(List<NodeAddress> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        Long[] indexes = addresses.stream().map(NodeAddress::storedIndex).toArray(Long[]::new);
        Map<Long, Hash> found = new HashMap<>();
        jdbc.sql("select stored_index, hash from ledger_hashes where workspace_id = :workspace and stored_index = any(:indexes)")
                .param("workspace", workspaceId).param("indexes", indexes)
                .query(row -> {
                    found.put(row.getLong("stored_index"), Hash.of(row.getBytes("hash")));
                });
        List<Hash> hashes = new ArrayList<>(addresses.size());
        for (NodeAddress address : addresses) {
            Hash hash = found.get(address.storedIndex());
            if (hash == null) {
                throw new HashUnavailableException(LedgerErrorCode.HASH_UNAVAILABLE, "no stored hash at " + address);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    void write(List<StoredHash> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        Long[] indexes = hashes.stream().map(stored -> stored.address().storedIndex()).toArray(Long[]::new);
        byte[][] values = hashes.stream().map(stored -> stored.hash().bytes()).toArray(byte[][]::new);
        // Integration is idempotent: a sequencer that died after writing hashes but before moving the tree size
        // writes the same hashes again.
        jdbc.sql("""
                insert into ledger_hashes (workspace_id, stored_index, hash)
                select :workspace, h.stored_index, h.hash from unnest(:indexes, :hashes) as h(stored_index, hash)
                on conflict (workspace_id, stored_index) do nothing""")
                .param("workspace", workspaceId).param("indexes", indexes).param("hashes", values).update();
    }
}
