-- Gates: policy packs (immutable versions, one active version per pack id), each environment's gate settings, and the
-- recorded decisions with the exact inputs they were taken on, so that a decision can be replayed years later.

create table policy_packs (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    pack_id         text not null,
    version         text not null,
    description     text not null,
    -- The YAML exactly as uploaded; sha256 is its digest, which decisions record.
    source          bytea not null,
    sha256          text not null,
    rule_count      integer not null,
    uploaded_by     uuid not null references principals (id),
    uploaded_at     timestamptz not null,
    unique (workspace_id, pack_id, version)
);

-- The version of each pack that gates use; changing it is an activation (its tests must pass) and a ledger entry.
create table policy_pack_activations (
    workspace_id    uuid not null references workspaces (id),
    pack_id         text not null,
    version         text not null,
    activated_by    uuid not null references principals (id),
    activated_at    timestamptz not null,
    primary key (workspace_id, pack_id)
);

-- The pack a project's environments use unless their gate names another.
create table project_policy_defaults (
    project_id      uuid primary key references projects (id),
    pack_id         text not null,
    updated_by      uuid not null references principals (id),
    updated_at      timestamptz not null
);

create table environment_gates (
    environment_id      uuid primary key references environments (id),
    -- Null: the project's default pack, else the built-in greenlight/baseline.
    pack_id             text,
    parameters          jsonb not null,
    -- [{"role": "security", "count": 1}, ...]
    required_approvals  jsonb not null,
    -- [{"cron": "0 18 * * FRI", "duration": "PT63H", "zone": "Europe/Berlin", "reason": "weekend"}, ...]
    freeze_windows      jsonb not null,
    updated_by          uuid not null references principals (id),
    updated_at          timestamptz not null
);

create table decisions (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    project_id      uuid not null references projects (id),
    release_id      uuid not null references releases (id),
    environment_id  uuid not null references environments (id),
    verdict         text not null check (verdict in ('ready', 'blocked')),
    score           integer not null,
    pack_id         text not null,
    pack_version    text not null,
    pack_sha256     text not null,
    -- Everything the verdict was computed from (facts, parameters, quarantine, waivers, approvals, freeze, clock), as
    -- JSON with sorted keys, kept as text so that its bytes, and so inputs_digest (their SHA-256, which the ledger entry
    -- records), survive unchanged: jsonb would reorder keys and renormalise numbers.
    inputs          text not null,
    inputs_digest   text not null,
    result          jsonb not null,
    -- Null only inside the inserting transaction, which appends the ledger entry and then sets it.
    ledger_index    bigint,
    decided_by      uuid not null references principals (id),
    decided_at      timestamptz not null
);
create index decisions_by_release on decisions (release_id, environment_id, id);
