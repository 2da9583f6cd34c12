-- Evidence: one uploaded file of a release. The bytes live in the content-addressed blob store under sha256; the
-- row holds what was read from them. The same bytes are evidence of a release once.

create table evidence (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    project_id      uuid not null references projects (id),
    release_id      uuid not null references releases (id),
    type            text not null,
    media_type      text not null,
    file_name       text,
    sha256          text not null,
    size_bytes      bigint not null,
    -- The typed facts record as JSON (facts_version says which shape); the API shows its documented fact names.
    facts           jsonb not null,
    facts_version   integer not null,
    summary         jsonb not null,
    -- Null only inside the inserting transaction, which appends the ledger entry and then sets it.
    ledger_index    bigint,
    uploaded_by     uuid not null references principals (id),
    uploaded_at     timestamptz not null,
    unique (release_id, sha256)
);
create index evidence_by_release on evidence (release_id, id);
