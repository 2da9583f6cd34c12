-- Version health for canary analysis (docs/health.md): where each environment's health comes from, and the samples
-- pushed for environments whose source is "pushed".

-- One row per environment whose health source was configured; without one, canary analysis has no data.
create table environment_health_sources (
    environment_id  uuid primary key references environments (id),
    workspace_id    uuid not null references workspaces (id),
    kind            text not null check (kind in ('prometheus', 'pushed')),
    -- prometheus: {"url": "https://prom:9090", "bearerToken": "…" (optional), "queries": {"requests": "…",
    -- "errors": "…", "latencyP95": "…" (optional)}}; pushed: {}. The token is never returned by the API.
    config          jsonb not null,
    updated_at      timestamptz not null,
    updated_by      uuid not null references principals (id)
);

-- A version's traffic over one window, as pushed. Not in the ledger one by one: there may be one every few seconds.
create table health_samples (
    id              uuid primary key,
    workspace_id    uuid not null references workspaces (id),
    environment_id  uuid not null references environments (id),
    version         text not null,
    requests        bigint not null check (requests >= 0),
    errors          bigint not null check (errors >= 0 and errors <= requests),
    latency_p95_ms  double precision check (latency_p95_ms >= 0),
    window_start    timestamptz not null,
    window_end      timestamptz not null,
    received_at     timestamptz not null,
    reported_by     uuid not null references principals (id),
    check (window_end >= window_start)
);
-- Summing a version's samples over a range.
create index health_samples_by_version on health_samples (environment_id, version, window_start);
-- Letting old samples go.
create index health_samples_by_end on health_samples (environment_id, window_end);
