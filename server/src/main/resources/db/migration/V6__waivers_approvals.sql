-- Waivers and approvals of a release for one environment, and the release's quarantine list of flaky tests.

-- Test ids (TestFacts.TestCase.id: "className.name", or "suite/name" without a class), sorted and unique. The gates
-- read them as release.quarantine; a quarantined failing test neither blocks nor disappears from the facts.
alter table releases add column quarantine jsonb not null default '[]';
alter table releases add column quarantine_reason text;
alter table releases add column quarantine_updated_by uuid references principals (id);
alter table releases add column quarantine_updated_at timestamptz;

-- One rule suspended for one release in one environment until expires_at. status is what was decided; whether a
-- requested or approved waiver has expired is computed from expires_at, so it stops applying by itself.
create table waivers (
    id                  uuid primary key,
    workspace_id        uuid not null references workspaces (id),
    project_id          uuid not null references projects (id),
    release_id          uuid not null references releases (id),
    environment_id      uuid not null references environments (id),
    rule                text not null,
    reason              text not null,
    ticket              text not null,
    expires_at          timestamptz not null,
    status              text not null check (status in ('requested', 'approved', 'rejected', 'revoked')),
    -- Names are kept beside the ids: the record must still say who, after a principal is renamed or disabled.
    requested_by        uuid not null references principals (id),
    requested_by_name   text not null,
    decided_by          uuid references principals (id),
    decided_by_name     text,
    decided_at          timestamptz,
    decision_comment    text,
    revoked_by          uuid references principals (id),
    revoked_by_name     text,
    revoked_at          timestamptz,
    revoke_reason       text,
    created_at          timestamptz not null
);
create index waivers_by_release on waivers (release_id, environment_id, id);

-- A person's approval of a release for one environment, bound to the release's artifacts as they were: when the
-- artifacts change (artifacts_digest no longer matches) the approval lapses.
create table approvals (
    id                  uuid primary key,
    workspace_id        uuid not null references workspaces (id),
    project_id          uuid not null references projects (id),
    release_id          uuid not null references releases (id),
    environment_id      uuid not null references environments (id),
    role                text not null,
    approver_id         uuid not null references principals (id),
    approver_name       text not null,
    comment             text,
    artifacts_digest    text not null,
    created_at          timestamptz not null,
    withdrawn_at        timestamptz
);
create index approvals_by_release on approvals (release_id, environment_id, id);
-- One standing approval per person for the same artifacts; a withdrawn one leaves room for a new one.
create unique index approvals_one_per_approver on approvals (release_id, environment_id, approver_id, artifacts_digest)
    where withdrawn_at is null;
