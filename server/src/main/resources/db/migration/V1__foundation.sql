-- Foundation: tenants, principals and credentials, projects, environments, releases, role grants,
-- idempotency records and rate-limit buckets. Every tenant-owned row carries workspace_id.

create table workspaces (
    id          uuid primary key,
    slug        text not null unique,
    name        text not null,
    created_at  timestamptz not null
);

-- Users and service accounts. Names are unique within a workspace; people sign in with workspace + name.
create table principals (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    kind            text not null check (kind in ('user', 'service-account')),
    name            text not null,
    display_name    text not null,
    email           text,
    description     text,
    password_hash   text,
    oidc_subject    text,
    instance_admin  boolean not null default false,
    failed_logins   integer not null default 0,
    locked_until    timestamptz,
    disabled_at     timestamptz,
    created_at      timestamptz not null,
    unique (workspace_id, name)
);
create unique index principals_oidc_subject on principals (oidc_subject) where oidc_subject is not null;

-- API keys: glk_<id>_<secret>. Only the SHA-256 of the secret is kept.
create table api_keys (
    id              text primary key,
    workspace_id    uuid not null references workspaces (id),
    principal_id    uuid not null references principals (id),
    name            text not null,
    secret_sha256   bytea not null,
    scopes          text[] not null,
    created_at      timestamptz not null,
    created_by      uuid references principals (id),
    expires_at      timestamptz,
    revoked_at      timestamptz,
    revoked_by      uuid references principals (id),
    last_used_at    timestamptz
);
create index api_keys_principal on api_keys (workspace_id, principal_id);

create table projects (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    slug            text not null,
    name            text not null,
    description     text not null default '',
    created_at      timestamptz not null,
    created_by      uuid not null references principals (id),
    updated_at      timestamptz not null,
    unique (workspace_id, slug)
);

create table environments (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    project_id      uuid not null references projects (id),
    name            text not null,
    position        integer not null,
    created_at      timestamptz not null,
    unique (project_id, name),
    constraint environments_position_unique unique (project_id, position) deferrable initially deferred
);

create table releases (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    project_id      uuid not null references projects (id),
    version         text not null,
    commit_sha      text not null,
    commit_time     timestamptz,
    artifacts       jsonb not null default '[]',
    author          text,
    created_at      timestamptz not null,
    created_by      uuid not null references principals (id),
    unique (project_id, version)
);

-- Roles. project_id null = the role holds on every project of the workspace (and workspace-admin lives only there).
create table role_grants (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    principal_id    uuid not null references principals (id),
    project_id      uuid references projects (id),
    role            text not null,
    granted_at      timestamptz not null,
    granted_by      uuid references principals (id),
    constraint role_grants_unique unique nulls not distinct (principal_id, project_id, role)
);
create index role_grants_lookup on role_grants (workspace_id, principal_id);

-- Stored responses of creating POSTs, keyed by the caller and its Idempotency-Key. Written in the same transaction
-- as what the request created, so a stored response exists if and only if the creation committed.
create table idempotency_records (
    principal_id    uuid not null references principals (id),
    idempotency_key text not null,
    request_sha256  bytea not null,
    status          integer not null,
    content_type    text,
    location        text,
    body            bytea not null,
    created_at      timestamptz not null,
    primary key (principal_id, idempotency_key)
);

-- Bucket4j token buckets, shared by every node.
create table rate_limit_buckets (
    id          bigint primary key,
    state       bytea,
    expires_at  bigint
);

-- Facts about this installation (first-start marker...).
create table instance_settings (
    name        text primary key,
    value       text not null,
    updated_at  timestamptz not null
);
