-- The ledger: one RFC 6962 log per workspace. Writers reserve indexes in their own transaction (ledger_sequence,
-- row-locked until they commit, so committed indexes are contiguous); the elected sequencer integrates committed
-- entries into the tree (ledger_hashes, ledger_tiles, ledger_tree) and signs checkpoints.

create table ledger_logs (
    workspace_id    uuid primary key references workspaces (id),
    workspace_slug  text not null unique,
    origin          text not null unique,
    created_at      timestamptz not null
);

-- Index reservation. One row per log; its lock serialises appends of one workspace until they commit.
create table ledger_sequence (
    workspace_id    uuid primary key references ledger_logs (workspace_id),
    next_index      bigint not null
);

-- Entries exactly as hashed (canonical JSON), with a few decoded columns for filtering.
create table ledger_entries (
    workspace_id    uuid not null references ledger_logs (workspace_id),
    idx             bigint not null,
    entry           bytea not null,
    kind            text not null,
    project         text,
    actor           text not null,
    at              timestamptz not null,
    primary key (workspace_id, idx)
);
create index ledger_entries_kind on ledger_entries (workspace_id, kind, idx);
create index ledger_entries_project on ledger_entries (workspace_id, project, idx);
create index ledger_entries_actor on ledger_entries (workspace_id, actor, idx);
create index ledger_entries_at on ledger_entries (workspace_id, at, idx);

-- The integrated tree: its size and root, written only by the sequencer.
create table ledger_tree (
    workspace_id    uuid primary key references ledger_logs (workspace_id),
    size            bigint not null,
    root            bytea not null,
    updated_at      timestamptz not null
);

-- Stored hashes of complete subtrees, addressed by the stored-hash index of the tlog model.
create table ledger_hashes (
    workspace_id    uuid not null,
    stored_index    bigint not null,
    hash            bytea not null,
    primary key (workspace_id, stored_index)
);

-- tlog-tiles hash tiles as served; a full tile (width 256) is never rewritten.
create table ledger_tiles (
    workspace_id    uuid not null,
    level           integer not null,
    tile_index      bigint not null,
    width           integer not null,
    data            bytea not null,
    primary key (workspace_id, level, tile_index)
);

-- Every signed checkpoint; the newest is the log's checkpoint.
create table ledger_checkpoints (
    workspace_id    uuid not null references ledger_logs (workspace_id),
    tree_size       bigint not null,
    root            bytea not null,
    note            bytea not null,
    signed_at       timestamptz not null,
    primary key (workspace_id, tree_size)
);

-- The public halves of the instance's Ed25519 signing keys, with their validity windows. Private halves stay in
-- files (data directory or a configured PKCS#8 file) and never enter the database.
create table ledger_signing_keys (
    id              uuid primary key,
    public_key      bytea not null unique,
    source          text not null,
    valid_from      timestamptz not null,
    retired_at      timestamptz
);
