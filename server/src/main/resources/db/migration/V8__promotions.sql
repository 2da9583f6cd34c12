-- Promotions move a release into an environment step by step; rollbacks bring an environment back to a release it ran
-- before. The tables hold the durable state the promotion jobs resume from after a crash.

-- How an environment's releases are deployed: a webhook to the team's CD system, or an external system that reports
-- its progress through the API. The webhook secret signs requests (HMAC-SHA256) and is never returned.
create table environment_deployers (
    environment_id  uuid primary key references environments (id),
    workspace_id    uuid not null references workspaces (id),
    kind            text not null check (kind in ('webhook', 'external')),
    url             text,
    secret          text,
    timeout_ms      integer not null,
    updated_by      uuid references principals (id),
    updated_at      timestamptz not null,
    check (kind = 'external' or (url is not null and secret is not null))
);

create table promotions (
    id                  uuid primary key,
    workspace_id        uuid not null references workspaces (id),
    project_id          uuid not null references projects (id),
    release_id          uuid not null references releases (id),
    environment_id      uuid not null references environments (id),
    strategy            text not null check (strategy in ('direct', 'canary')),
    steps               integer[] not null,
    step_interval_ms    bigint not null,
    analysis            jsonb not null,
    state               text not null check (state in ('awaiting-approvals', 'deploying', 'analysing', 'promoted', 'rolling-back',
                                                   'rolled-back', 'failed', 'cancelled')),
    step_index          integer not null default 0,
    step_started_at     timestamptz,
    -- Bumped by every transition; a job carries the value it was enqueued for, so a stale or repeated job does nothing.
    seq                 integer not null default 0,
    -- Bumped by every re-check that changes no state (waiting for approvals, an analysis that goes on): with seq it names
    -- the one job allowed to continue, so a job run twice after a crash cannot start a second chain of checks.
    ticks               integer not null default 0,
    -- The release the environment ran when the promotion started: the canary's baseline, and where a rollback goes.
    baseline_release_id uuid references releases (id),
    decision_id         uuid references decisions (id),
    freeze_override     text,
    last_analysis       jsonb,
    requested_by        uuid not null references principals (id),
    requested_by_name   text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    finished_at         timestamptz
);

-- At most one promotion in flight per environment.
create unique index promotions_one_open_per_environment on promotions (environment_id)
    where state in ('awaiting-approvals', 'deploying', 'analysing', 'rolling-back');
create index promotions_by_project on promotions (project_id, created_at desc, id desc);
create index promotions_finished on promotions (environment_id, finished_at) where state = 'promoted';

create table promotion_transitions (
    promotion_id    uuid not null references promotions (id),
    seq             integer not null,
    from_state      text,
    to_state        text not null,
    step_index      integer not null,
    actor           text not null,
    reason          text not null,
    detail          jsonb not null,
    at              timestamptz not null,
    ledger_index    bigint not null,
    primary key (promotion_id, seq)
);

create table rollbacks (
    id                  uuid primary key,
    workspace_id        uuid not null references workspaces (id),
    project_id          uuid not null references projects (id),
    environment_id      uuid not null references environments (id),
    from_release_id     uuid references releases (id),
    to_release_id       uuid not null references releases (id),
    -- Set when a failing canary asked for it; null for one a release captain asked for.
    promotion_id        uuid references promotions (id),
    reason              text not null,
    state               text not null check (state in ('requested', 'completed', 'failed')),
    requested_by        uuid references principals (id),
    requested_by_name   text not null,
    -- When the failure was noticed (the failing analysis, or the captain's request): where time to restore starts.
    failure_detected_at timestamptz not null,
    requested_at        timestamptz not null,
    completed_at        timestamptz,
    failure             text
);

create unique index rollbacks_one_open_per_environment on rollbacks (environment_id) where state = 'requested';
create index rollbacks_by_environment on rollbacks (environment_id, requested_at desc);

-- What each environment runs now, what it ran before, and the last release it ran that was promoted successfully.
create table environment_releases (
    environment_id              uuid primary key references environments (id),
    workspace_id                uuid not null references workspaces (id),
    current_release_id          uuid references releases (id),
    previous_release_id         uuid references releases (id),
    last_good_release_id        uuid references releases (id),
    last_good_promotion_id      uuid references promotions (id),
    last_good_decision_id       uuid references decisions (id),
    updated_at                  timestamptz not null
);
